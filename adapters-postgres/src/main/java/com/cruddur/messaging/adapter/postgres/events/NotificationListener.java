package com.cruddur.messaging.adapter.postgres.events;

import com.cruddur.messaging.adapter.postgres.PostgresFailures;
import com.cruddur.messaging.support.EventWindow;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The incoming side of the event bus: one connection per instance, held open outside the pool, listens and hands
 * what arrives to the instance's {@link EventWindow} (an event stored by reference is read from
 * {@code event_payloads} first). When the connection is lost, events may pass unseen: every open stream is told to
 * resync at once, and the listener connects and listens again, backing off up to a second. A connection the network
 * silently stopped carrying is found by the heartbeat ({@link #HEARTBEAT}) and lost the same way.
 */
final class NotificationListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NotificationListener.class);
    /**
     * A quiet connection is asked to answer this often: a network that silently stopped carrying it (a partition)
     * then shows as a statement without an answer within the connection's socket timeout, and the listener connects
     * again, instead of waiting for ever for notifications that cannot come.
     */
    static final Duration HEARTBEAT = Duration.ofSeconds(5);

    private final PostgresEventBus.Connections connections;
    private final JsonMapper json;
    private final PostgresFailures failures;
    private final EventWindow window;
    private final CountDownLatch firstListen = new CountDownLatch(1);
    private final Thread listener;
    private volatile boolean running = true;
    private volatile Connection listening;

    NotificationListener(PostgresEventBus.Connections connections, JsonMapper json, PostgresFailures failures,
                         EventWindow window) {
        this.connections = connections;
        this.json = json;
        this.failures = failures;
        this.window = window;
        this.listener = new Thread(this::listen, "postgres-event-listener");
        this.listener.setDaemon(true);
        this.listener.start();
    }

    /** Waits until the first {@code LISTEN} is in place, so that nothing published after start-up is missed. */
    boolean awaitListening(Duration within) throws InterruptedException {
        return firstListen.await(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void listen() {
        long backoffMillis = 50;
        while (running) {
            try (Connection connection = connections.open(); Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + PostgresEventBus.CHANNEL);
                failures.answered();
                listening = connection;
                firstListen.countDown();
                backoffMillis = 50;
                PGConnection notifications = connection.unwrap(PGConnection.class);
                long heardAt = System.nanoTime();
                while (running) {
                    PGNotification[] arrived = notifications.getNotifications(500);
                    if (arrived != null && arrived.length > 0) {
                        heardAt = System.nanoTime();
                        for (PGNotification notification : arrived) {
                            deliver(connection, notification.getParameter());
                        }
                    } else if (System.nanoTime() - heardAt > HEARTBEAT.toNanos()) {
                        statement.execute("SELECT 1");
                        heardAt = System.nanoTime();
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
        Optional<String> payload = notified.startsWith(PostgresEventBus.BY_REFERENCE) ? storedPayload(connection, notified)
                : Optional.of(notified);
        if (payload.isEmpty()) {
            LOG.warn("an event stored by reference is gone ({}); this instance's streams resync", notified);
            window.lostEvents();
            return;
        }
        try {
            window.deliver(EventPayload.read(json, payload.get()));
        } catch (IOException | RuntimeException e) {
            LOG.warn("skipping an event nobody can read: {}", e.toString());
        }
    }

    private static Optional<String> storedPayload(Connection connection, String reference) throws SQLException {
        try (PreparedStatement read = connection.prepareStatement("SELECT payload FROM event_payloads WHERE id = ?")) {
            read.setObject(1, UUID.fromString(reference.substring(PostgresEventBus.BY_REFERENCE.length())));
            try (ResultSet row = read.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }

    /** Stops listening: the connection is closed, and the thread ends. */
    @Override
    public void close() {
        running = false;
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
