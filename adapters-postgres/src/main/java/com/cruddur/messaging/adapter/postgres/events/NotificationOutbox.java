package com.cruddur.messaging.adapter.postgres.events;

import com.cruddur.messaging.adapter.postgres.PostgresFailures;
import io.micronaut.transaction.TransactionOperations;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outgoing side of the event bus: payloads wait in a bounded queue, and one thread sends what is queued as
 * {@code pg_notify}s in one statement per batch (a busy instance's sends share one commit; {@code pg_notify} over
 * an array keeps their order). A payload too large for a notification (PostgreSQL takes under 8000 bytes; a message
 * of 1024 emoji is over 12,000 characters as JSON) is stored in {@code event_payloads} in the same transaction, and
 * its notification names it ({@code ref:<id>}), so it keeps its place in the order.
 */
final class NotificationOutbox implements AutoCloseable {
    /** PostgreSQL refuses payloads of 8000 bytes or more. */
    private static final int MAX_PAYLOAD_BYTES = 7999;
    private static final int PAYLOADS_KEPT_MINUTES = 5;
    /** Events waiting to be sent: seconds of a busy instance's sends; beyond it they are refused. */
    static final int CAPACITY = 10_000;
    private static final int BATCH = 200;
    private static final Logger LOG = LoggerFactory.getLogger(NotificationOutbox.class);

    /** A payload waiting to be sent, and its publisher waiting for it. */
    private record Pending(String payload, CompletableFuture<Void> sent) {
    }

    private final TransactionOperations<Connection> transactions;
    private final PostgresFailures failures;
    /** Told when queued events were not sent: the instance's streams must resync. */
    private final Runnable lost;
    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final Thread sender;
    private volatile boolean running = true;

    NotificationOutbox(TransactionOperations<Connection> transactions, PostgresFailures failures, Runnable lost) {
        this.transactions = transactions;
        this.failures = failures;
        this.lost = lost;
        this.sender = new Thread(this::sendQueued, "postgres-event-publisher");
        this.sender.setDaemon(true);
        this.sender.start();
    }

    /** Queues the payload and returns once it is sent; throws when it is not sent within {@code within}. */
    void send(String payload, Duration within) throws TimeoutException, ExecutionException, InterruptedException {
        Pending pending = new Pending(payload, new CompletableFuture<>());
        if (!queue.offer(pending)) {
            throw new TimeoutException("the queue of events to publish is full");
        }
        pending.sent().get(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** How many events wait to be sent: near {@link #CAPACITY}, publishers are about to be refused. */
    int queued() {
        return queue.size();
    }

    private void sendQueued() {
        List<Pending> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
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
                lost.run();
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
                notify.setString(1, PostgresEventBus.CHANNEL);
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
        return PostgresEventBus.BY_REFERENCE + id;
    }

    /** Sends what is still queued (for at most two seconds), then stops. */
    @Override
    public void close() {
        running = false;
        try {
            sender.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
