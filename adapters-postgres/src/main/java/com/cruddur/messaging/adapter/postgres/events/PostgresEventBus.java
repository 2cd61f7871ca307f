package com.cruddur.messaging.adapter.postgres.events;

import com.cruddur.messaging.adapter.postgres.PostgresFailures;
import com.cruddur.messaging.domain.application.port.out.EventBus;
import com.cruddur.messaging.domain.error.StoreUnavailableException;
import com.cruddur.messaging.domain.model.ConversationEvent;
import com.cruddur.messaging.domain.model.DeliveredEvent;
import com.cruddur.messaging.domain.model.UserId;
import com.cruddur.messaging.support.EventWindow;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Fans events out between instances through PostgreSQL {@code LISTEN/NOTIFY} on the database every instance already
 * has: {@link #publish} writes the event as JSON ({@link EventPayload}) and waits until the {@link NotificationOutbox}
 * has sent it; the {@link NotificationListener} hands what arrives to the instance's {@link EventWindow}, from which
 * subscribers are served. PostgreSQL delivers notifications to every listener in commit order, so every instance sees
 * the same order and an event's id means the same position everywhere.
 *
 * <p>An event that cannot be published within {@link #PUBLISH_WAIT} (the database is down or frozen, or the queue is
 * full) tells this instance's streams to resync and fails its publisher with "PostgreSQL unavailable": the store has
 * what it announced, but the request must not answer success with its event lost to other instances' followers (the
 * fault soak found a send acknowledged whose event never went out); the client's retry announces it again.
 */
public final class PostgresEventBus implements EventBus, AutoCloseable {
    static final String CHANNEL = "cruddur_events";
    /** How many events may wait to be sent; a publisher finding this many waiting is refused. */
    public static final int QUEUE_CAPACITY = NotificationOutbox.CAPACITY;
    /** A notification that names a stored event ({@code event_payloads}) instead of carrying it; JSON starts with "{". */
    static final String BY_REFERENCE = "ref:";
    /** How long a publisher waits for its event to be sent: a send's answer waits this long at most. */
    static final Duration PUBLISH_WAIT = Duration.ofSeconds(2);

    /** A fresh connection outside the pool: the listening one is held for as long as the instance runs. */
    public interface Connections {
        Connection open() throws SQLException;
    }

    private final TransactionOperations<Connection> transactions;
    private final PostgresFailures failures;
    private final JsonMapper json;
    private final EventWindow window;
    private final NotificationOutbox outbox;
    private final NotificationListener listener;

    public PostgresEventBus(TransactionOperations<Connection> transactions, Connections connections, JsonMapper json,
                            int windowSize, PostgresFailures failures) {
        this.transactions = transactions;
        this.failures = failures;
        this.json = json;
        this.window = new EventWindow(windowSize);
        this.listener = new NotificationListener(connections, json, failures, window);
        this.outbox = new NotificationOutbox(transactions, failures, window::lostEvents);
    }

    /** Waits until the first {@code LISTEN} is in place, so that nothing published after start-up is missed. */
    public boolean awaitListening(Duration within) throws InterruptedException {
        return listener.awaitListening(within);
    }

    /** Events waiting to be sent as notifications; a publisher is refused when {@link #QUEUE_CAPACITY} wait. */
    public int queuedEvents() {
        return outbox.queued();
    }

    @Override
    public void publish(ConversationEvent event) {
        String payload;
        try {
            payload = EventPayload.write(json, new DeliveredEvent(UUID.randomUUID().toString(), event));
        } catch (IOException e) {
            throw new UncheckedIOException("an event cannot be written as JSON: " + event, e);
        }
        try {
            outbox.send(payload, PUBLISH_WAIT);
        } catch (TimeoutException | ExecutionException notSent) {
            window.lostEvents();
            throw new StoreUnavailableException(PostgresFailures.STORE,
                    notSent instanceof ExecutionException failed ? failed.getCause() : notSent);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            window.lostEvents();
            throw new StoreUnavailableException(PostgresFailures.STORE, e);
        }
    }

    @Override
    public Subscription subscribe(Optional<String> lastEventId, Listener subscriber) {
        return window.subscribe(lastEventId, subscriber);
    }

    /**
     * The events too large for a notification wait in {@code event_payloads} for a few minutes; those of the sender's
     * messages (sent or revised) are deleted now. Rows are found by the sender's id in their text, then read to make sure.
     */
    @Override
    public int forgetStoredEventsOf(UserId sender) {
        return failures.guard(() -> transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            List<UUID> theirs = new ArrayList<>();
            try (PreparedStatement find = connection.prepareStatement(
                    "SELECT id, payload FROM event_payloads WHERE payload LIKE ?")) {
                find.setString(1, "%" + sender + "%");
                try (ResultSet rows = find.executeQuery()) {
                    while (rows.next()) {
                        if (isOfMessageBy(sender, rows.getString(2))) {
                            theirs.add(rows.getObject(1, UUID.class));
                        }
                    }
                }
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM event_payloads WHERE id = ANY (?)")) {
                    delete.setArray(1, connection.createArrayOf("uuid", theirs.toArray()));
                    return delete.executeUpdate();
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }));
    }

    private boolean isOfMessageBy(UserId sender, String payload) {
        try {
            ConversationEvent event = EventPayload.read(json, payload).event();
            return event instanceof ConversationEvent.MessageSent sent && sent.message().sender().id().equals(sender)
                    || event instanceof ConversationEvent.MessageRevised revised
                    && revised.message().sender().id().equals(sender);
        } catch (IOException unreadable) {
            return false;
        }
    }

    /** Sends what is queued, tells every open stream to resync and stops listening: the instance is stopping. */
    @Override
    public void close() {
        outbox.close();
        window.closeAll();
        listener.close();
    }
}
