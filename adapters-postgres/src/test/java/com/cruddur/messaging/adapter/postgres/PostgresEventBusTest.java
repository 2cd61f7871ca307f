package com.cruddur.messaging.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cruddur.messaging.adapter.postgres.events.PostgresEventBus;
import com.cruddur.messaging.devengines.EmbeddedPostgresEngine;
import com.cruddur.messaging.domain.application.port.out.EventBus;
import com.cruddur.messaging.domain.contract.EventBusContract;
import com.cruddur.messaging.domain.error.StoreUnavailableException;
import com.cruddur.messaging.domain.fixtures.Profiles;
import com.cruddur.messaging.domain.fixtures.RecordingSink;
import com.cruddur.messaging.domain.model.ConversationEvent;
import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.MessageId;
import com.cruddur.messaging.domain.model.Profile;
import com.cruddur.messaging.domain.model.Timestamp;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionCallback;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.TransactionStatus;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The bus contract on PostgreSQL, and what only a shared database shows: other instances, lost connections. */
class PostgresEventBusTest extends EventBusContract {
    private static final String DATABASE = "cruddur_test";
    private final PostgresEventBus bus = bus("cruddur-events-a");

    @AfterEach
    void close() {
        bus.close();
    }

    @Override
    protected EventBus bus() {
        return bus;
    }

    @Test
    void anEventPublishedByOneInstanceReachesTheOthersWithTheSameId() {
        String tag = "fan-out-" + UUID.randomUUID();
        try (PostgresEventBus other = bus("cruddur-events-b")) {
            RecordingSink here = new RecordingSink();
            RecordingSink there = new RecordingSink();
            try (EventBus.Subscription a = bus.subscribe(Optional.empty(), here);
                 EventBus.Subscription b = other.subscribe(Optional.empty(), there)) {
                other.publish(sent(tag));

                assertThat(here.await(events -> !texts(events, tag).isEmpty(), WITHIN)).isTrue();
                assertThat(there.await(events -> !texts(events, tag).isEmpty(), WITHIN)).isTrue();
                assertThat(here.events().get(here.events().size() - 1).id())
                        .isEqualTo(there.events().get(there.events().size() - 1).id());
            }
        }
    }

    @Test
    void messagesOfTheLongestTextReachOtherInstancesWhateverTheirCharacters() {
        String tag = "limit-" + UUID.randomUUID();
        // 1024 code points each, the most a message may hold: outside the BMP (12 characters each once JSON
        // escapes them), characters JSON escapes, and the plainest.
        List<String> texts = List.of(tag + "😀".repeat(1024 - tag.length()), tag + "\"\\\u0001".repeat((1024 - tag.length()) / 3),
                tag + "x".repeat(1024 - tag.length()));
        try (PostgresEventBus other = bus("cruddur-events-b")) {
            RecordingSink there = new RecordingSink();
            try (EventBus.Subscription ignored = other.subscribe(Optional.empty(), there)) {
                texts.forEach(text -> bus.publish(sent(text)));

                assertThat(there.await(events -> texts(events, tag).size() == texts.size(), WITHIN)).isTrue();
                assertThat(texts(there.events(), tag)).containsExactlyElementsOf(texts);
                assertThat(there.resyncs()).isZero();
            }
        }
    }

    @Test
    void aLostListeningConnectionMakesStreamsResyncAndListeningResumes() throws Exception {
        String tag = "reconnect-" + UUID.randomUUID();
        RecordingSink sink = new RecordingSink();
        try (EventBus.Subscription ignored = bus.subscribe(Optional.empty(), sink)) {
            try (Connection admin = connect("cruddur-admin");
                 PreparedStatement kill = admin.prepareStatement(
                         "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ?")) {
                kill.setString(1, "cruddur-events-a");
                kill.execute();
            }
            long deadline = System.nanoTime() + WITHIN.toNanos();
            while (sink.resyncs() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(sink.resyncs()).isGreaterThanOrEqualTo(1);
            assertThat(bus.awaitListening(WITHIN)).isTrue();
            // Publish until the listener is back: what was published while it reconnected is what resync is for.
            boolean arrived = false;
            for (int attempt = 0; attempt < 50 && !arrived; attempt++) {
                bus.publish(sent(tag));
                arrived = sink.await(events -> !texts(events, tag).isEmpty(), Duration.ofMillis(100));
            }
            assertThat(arrived).isTrue();
        }
    }

    /**
     * Found by the fault soak: a publisher that answers success before its event is sent can lose it for
     * other instances' followers, none of whom is told to resync. Now publishing waits for the event to be
     * sent; when the database cannot take it, the publisher fails ("PostgreSQL unavailable", a 503 for the
     * request) within the bound and this instance's streams resync.
     */
    @Test
    void anEventTheDatabaseCannotTakeFailsItsPublisherAndMakesStreamsResync() {
        TransactionOperations<Connection> refusing = new TransactionOperations<>() {
            @Override
            public Connection getConnection() {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean hasConnection() {
                return false;
            }

            @Override
            public Optional<? extends TransactionStatus<?>> findTransactionStatus() {
                return Optional.empty();
            }

            @Override
            public <R> R execute(TransactionDefinition definition, TransactionCallback<Connection, R> callback) {
                throw new IllegalStateException(new java.sql.SQLTransientConnectionException("connection refused"));
            }
        };
        try (PostgresEventBus cut = new PostgresEventBus(refusing, () -> connect("cruddur-events-cut"),
                PostgresEngine.shared().getBean(JsonMapper.class), 1000, PostgresEngine.failures(PostgresEngine.shared()))) {
            RecordingSink sink = new RecordingSink();
            try (EventBus.Subscription ignored = cut.subscribe(Optional.empty(), sink)) {
                long started = System.nanoTime();

                assertThatThrownBy(() -> cut.publish(sent("never sent"))).isInstanceOf(StoreUnavailableException.class)
                        .hasMessageContaining("PostgreSQL");
                // Bounded by the publish wait (2 s), not hung; a busy machine may take longer, never ten times.
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
                assertThat(sink.resyncs()).isGreaterThanOrEqualTo(1);
            }
        }
    }

    /** A message too large to notify waits in event_payloads: an erasure removes those of its sender, not others'. */
    @Test
    void theStoredCopiesOfASendersLargeEventsAreForgottenAndNoOneElses() throws Exception {
        Profile erased = Profiles.random("erased");
        Profile other = Profiles.random("other");
        String tag = "stored-" + UUID.randomUUID();
        String large = "😀".repeat(1000);
        RecordingSink sink = new RecordingSink();
        try (EventBus.Subscription ignored = bus.subscribe(Optional.empty(), sink)) {
            bus.publish(largeSent(erased, other, tag + " theirs " + large));
            bus.publish(largeSent(other, erased, tag + " to them " + large));
            assertThat(sink.await(events -> texts(events, tag).size() == 2, WITHIN)).isTrue();
        }
        assertThat(storedPayloadsWith(tag + " theirs")).isEqualTo(1);

        assertThat(bus.forgetStoredEventsOf(erased.id())).isEqualTo(1);

        assertThat(storedPayloadsWith(tag + " theirs")).isZero();
        assertThat(storedPayloadsWith(tag + " to them")).isEqualTo(1);
        assertThat(bus.forgetStoredEventsOf(erased.id())).isZero();
    }

    private static ConversationEvent largeSent(Profile sender, Profile to, String text) {
        Message message = new Message(new MessageId(UUID.randomUUID()), new MessageGroupId(UUID.randomUUID()), sender,
                text, new Timestamp(Instant.now()));
        return new ConversationEvent.MessageSent(message, Set.of(sender.id(), to.id()));
    }

    private static int storedPayloadsWith(String text) throws java.sql.SQLException {
        try (Connection connection = connect("cruddur-events-check");
             PreparedStatement count = connection.prepareStatement(
                     "SELECT count(*) FROM event_payloads WHERE strpos(payload, ?) > 0")) {
            count.setString(1, text);
            try (var rows = count.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    @SuppressWarnings("unchecked")
    static PostgresEventBus bus(String applicationName) {
        var context = PostgresEngine.shared();
        TransactionOperations<Connection> transactions = context.getBean(
                Argument.of(TransactionOperations.class, Connection.class));
        PostgresEventBus bus = new PostgresEventBus(transactions, () -> connect(applicationName),
                context.getBean(JsonMapper.class), 1000, PostgresEngine.failures(context));
        try {
            assertThat(bus.awaitListening(WITHIN)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return bus;
    }

    private static Connection connect(String applicationName) throws java.sql.SQLException {
        var properties = new java.util.Properties();
        properties.setProperty("user", EmbeddedPostgresEngine.USER);
        properties.setProperty("ApplicationName", applicationName);
        return DriverManager.getConnection(PostgresEngine.ENGINE.jdbcUrl(DATABASE), properties);
    }
}
