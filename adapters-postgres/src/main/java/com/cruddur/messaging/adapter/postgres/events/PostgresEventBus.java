package com.cruddur.messaging.adapter.postgres.events;

import com.cruddur.messaging.adapter.postgres.PostgresFailures;
import com.cruddur.messaging.domain.application.events.EventWindow;
import com.cruddur.messaging.domain.application.port.out.EventBus;
import com.cruddur.messaging.domain.error.StoreUnavailableException;
import com.cruddur.messaging.domain.model.ConversationEvent;
import com.cruddur.messaging.domain.model.DeliveredEvent;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans events out between instances through PostgreSQL {@code LISTEN/NOTIFY} on the database every
 * instance already has: {@link #publish} queues the event and waits until it is sent, one thread
 * sends what is queued as {@code pg_notify}s in one statement per batch (a busy instance's sends share
 * one commit), and one connection per
 * instance listens and hands what arrives to the instance's {@link EventWindow}. PostgreSQL delivers
 * notifications to every listener in commit order, so every instance sees the same order and an
 * event's id means the same position everywhere.
 *
 * <p>An event too large for a notification (PostgreSQL takes under 8000 bytes; a message of 1024 emoji is
 * over 12,000 characters as JSON) is stored in {@code event_payloads} in the same transaction, and its
 * notification names it ({@code ref:<id>}); listeners read it from there, so it keeps its place in the order.
 *
 * <p>When the listening connection is lost, events may pass unseen: every open stream is told to
 * resync at once, and the listener connects and listens again (backing off up to a second). An event
 * that cannot be published within {@link #PUBLISH_WAIT} (the database is down or frozen, or the queue is
 * full) tells this instance's streams to resync and fails its publisher with "PostgreSQL unavailable": the
 * store has what it announced, but the request must not answer success with its event lost to other
 * instances' followers (the fault soak found a send acknowledged whose event never went out); the
 * client's retry announces it again.
 */
public final class PostgresEventBus implements EventBus, AutoCloseable {
    static final String CHANNEL = "cruddur_events";
    /** PostgreSQL refuses payloads of 8000 bytes or more. */
    private static final int MAX_PAYLOAD_BYTES = 7999;
    /** A notification that names a stored event ({@code event_payloads}) instead of carrying it; JSON starts with "{". */
    private static final String BY_REFERENCE = "ref:";
    private static final int PAYLOADS_KEPT_MINUTES = 5;
    /** Events waiting to be sent: seconds of a busy instance's sends; beyond it they are dropped (and streams resync). */
    private static final int OUTBOX = 10_000;
    private static final int BATCH = 200;
    /** How long a publisher waits for its event to be sent: a send's answer waits this long at most. */
    static final Duration PUBLISH_WAIT = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(PostgresEventBus.class);

    /** A fresh connection outside the pool: the listening one is held for as long as the instance runs. */
    public interface Connections {
        Connection open() throws SQLException;
    }

    private final TransactionOperations<Connection> transactions;
    private final Connections connections;
    private final JsonMapper json;
    private final PostgresFailures failures;
    private final EventWindow window;
    private final Thread listener;
    private final Thread publisher;
    private final BlockingQueue<Pending> outbox = new ArrayBlockingQueue<>(OUTBOX);
    private final CountDownLatch firstListen = new CountDownLatch(1);
    private volatile boolean running = true;
    private volatile Connection listening;

    public PostgresEventBus(TransactionOperations<Connection> transactions, Connections connections, JsonMapper json,
                            int windowSize, PostgresFailures failures) {
        this.transactions = transactions;
        this.connections = connections;
        this.json = json;
        this.failures = failures;
        this.window = new EventWindow(windowSize);
        this.listener = new Thread(this::listen, "postgres-event-listener");
        this.listener.setDaemon(true);
        this.listener.start();
        this.publisher = new Thread(this::sendQueued, "postgres-event-publisher");
        this.publisher.setDaemon(true);
        this.publisher.start();
    }

    /** Waits until the first {@code LISTEN} is in place, so that nothing published after start-up is missed. */
    public boolean awaitListening(Duration within) throws InterruptedException {
        return firstListen.await(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** An event waiting to be sent, and its publisher waiting for it. */
    private record Pending(String payload, CompletableFuture<Void> sent) {
    }

    @Override
    public void publish(ConversationEvent event) {
        String payload;
        try {
            payload = json.writeValueAsString(EventPayload.of(new DeliveredEvent(UUID.randomUUID().toString(), event)));
        } catch (IOException e) {
            throw new UncheckedIOException("an event cannot be written as JSON: " + event, e);
        }
        Pending pending = new Pending(payload, new CompletableFuture<>());
        try {
            if (!outbox.offer(pending)) {
                throw new TimeoutException("the queue of events to publish is full");
            }
            pending.sent().get(PUBLISH_WAIT.toMillis(), TimeUnit.MILLISECONDS);
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

    /** Sends what is queued, a batch per statement ({@code pg_notify} over an array keeps their order). */
    private void sendQueued() {
        List<Pending> batch = new ArrayList<>();
        while (running || !outbox.isEmpty()) {
            try {
                Pending first = outbox.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                outbox.drainTo(batch, BATCH - 1);
                sendBatch(batch.stream().map(Pending::payload).toList());
                failures.answered();
                batch.forEach(pending -> pending.sent().complete(null));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                batch.forEach(pending -> pending.sent().completeExceptionally(e));
                return;
            } catch (RuntimeException e) {
                if (PostgresFailures.isOutage(e)) {
                    failures.unavailable(e); // told once per outage, not per batch
                } else {
                    LOG.warn("{} events could not be published; this instance's streams resync: {}", batch.size(),
                            e.toString());
                }
                window.lostEvents();
                batch.forEach(pending -> pending.sent().completeExceptionally(e));
            }
            batch.clear();
        }
    }

    private void sendBatch(List<String> payloads) {
        transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            try (PreparedStatement notify = connection.prepareStatement(
                    "SELECT pg_notify(?, payload) FROM unnest(?) WITH ORDINALITY AS queued(payload, position) ORDER BY position")) {
                List<String> notified = new ArrayList<>(payloads.size());
                for (String payload : payloads) {
                    notified.add(payload.getBytes(StandardCharsets.UTF_8).length <= MAX_PAYLOAD_BYTES ? payload
                            : stored(connection, payload));
                }
                notify.setString(1, CHANNEL);
                notify.setArray(2, connection.createArrayOf("text", notified.toArray()));
                notify.execute();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return null;
        });
    }

    /**
     * An event too large to notify: stored in the same transaction as the notifications (so it is there
     * when they arrive), and named by the notification instead. Old ones go as new ones come.
     */
    private static String stored(Connection connection, String payload) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO event_payloads (id, payload) VALUES (?, ?)");
             PreparedStatement forget = connection.prepareStatement(
                     "DELETE FROM event_payloads WHERE created_at < now() - interval '" + PAYLOADS_KEPT_MINUTES + " minutes'")) {
            insert.setObject(1, id);
            insert.setString(2, payload);
            insert.execute();
            forget.execute();
        }
        return BY_REFERENCE + id;
    }

    @Override
    public Subscription subscribe(Optional<String> lastEventId, Listener listener) {
        return window.subscribe(lastEventId, listener);
    }

    private void listen() {
        long backoffMillis = 50;
        while (running) {
            try (Connection connection = connections.open(); Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + CHANNEL);
                failures.answered();
                listening = connection;
                firstListen.countDown();
                backoffMillis = 50;
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] arrived = notifications.getNotifications(500);
                    if (arrived != null) {
                        for (PGNotification notification : arrived) {
                            deliver(connection, notification.getParameter());
                        }
                    }
                }
            } catch (SQLException e) {
                if (!running) {
                    return;
                }
                if (PostgresFailures.isOutage(e)) {
                    failures.unavailable(e); // told once per outage, not per reconnection
                } else {
                    LOG.warn("listening for events failed; streams resync and the listener reconnects: {}", e.toString());
                }
                window.lostEvents();
                sleep(backoffMillis);
                backoffMillis = Math.min(backoffMillis * 2, 1000);
            }
        }
    }

    private void deliver(Connection connection, String notified) throws SQLException {
        Optional<String> payload = notified.startsWith(BY_REFERENCE) ? storedPayload(connection, notified) : Optional.of(notified);
        if (payload.isEmpty()) {
            LOG.warn("an event stored by reference is gone ({}); this instance's streams resync", notified);
            window.lostEvents();
            return;
        }
        try {
            window.deliver(json.readValue(payload.get(), EventPayload.class).delivered());
        } catch (IOException | RuntimeException e) {
            LOG.warn("skipping an event nobody can read: {}", e.toString());
        }
    }

    private static Optional<String> storedPayload(Connection connection, String reference) throws SQLException {
        try (PreparedStatement read = connection.prepareStatement("SELECT payload FROM event_payloads WHERE id = ?")) {
            read.setObject(1, UUID.fromString(reference.substring(BY_REFERENCE.length())));
            try (ResultSet row = read.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }

    /** Tells every open stream to resync and stops listening: the instance is stopping. */
    @Override
    public void close() {
        running = false;
        try {
            publisher.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        window.closeAll();
        Connection connection = listening;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("closing the listening connection: {}", e.toString());
            }
        }
        try {
            listener.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
