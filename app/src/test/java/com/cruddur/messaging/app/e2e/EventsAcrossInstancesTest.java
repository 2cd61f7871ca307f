package com.cruddur.messaging.app.e2e;

import static com.cruddur.messaging.app.e2e.Service.tokenOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.adapter.http.SseConnection;
import com.cruddur.messaging.app.DemoUsers;
import com.cruddur.messaging.app.Http;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two service instances on the same engines, as behind a load balancer: a client connected to one hears what is
 * sent through the other — through PostgreSQL LISTEN/NOTIFY; how fast is printed here and measured by the events
 * benchmark, not bounded where a busy machine could miss it — and nothing of
 * other people's conversations; an instance that loses its listening connection tells its clients to
 * resync and listens again; an instance that stops tells its clients to resync.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EventsAcrossInstancesTest {
    /** How long a test waits before it gives up; how fast events and blocks travel is the events benchmark's. */
    private static final Duration WITHIN = Duration.ofSeconds(15);
    private final String andrew = tokenOf(DemoUsers.ANDREW);
    private final String bayko = tokenOf(DemoUsers.BAYKO);
    private final String londo = tokenOf(DemoUsers.LONDO);
    private Service first;
    private Service second;

    abstract String store();

    @BeforeAll
    void start() {
        first = Service.start(store(), Map.of());
        // One stream poller is enough (and is what the README asks of a DynamoDB deployment without the Lambda).
        second = Service.start(store(), Map.of("cruddur.dynamodb.poll-stream", false));
    }

    @AfterAll
    void stop() {
        first.close();
        second.close();
    }

    @Test
    void aMessageSentThroughOneInstanceReachesTheMembersOnTheOther() {
        String tag = store() + "-across-" + System.nanoTime();
        try (SseConnection baykoOnFirst = stream(first, bayko); SseConnection londoOnFirst = stream(first, londo);
             SseConnection andrewOnFirst = stream(first, andrew)) {
            long sentAt = System.nanoTime();
            String sent = second.http().post("/api/messages", andrew,
                    "{\"message\":\"" + tag + "\",\"handle\":\"bayko\"}").body();

            assertThat(baykoOnFirst.await(events -> events.stream().anyMatch(e -> e.data().contains(tag)), WITHIN)).isTrue();
            Duration delivery = Duration.ofNanos(System.nanoTime() - sentAt);
            System.out.println("from POST on one instance to the event on the other: " + delivery);
            assertThat(baykoOnFirst.named("message")).anySatisfy(e -> assertThat(e.data()).isEqualTo(sent));
            assertThat(andrewOnFirst.await(events -> events.stream().anyMatch(e -> e.data().contains(tag)), WITHIN)).isTrue();

            String group = Http.extract(sent, "\"message_group_uuid\":\"([^\"]+)\"");
            assertThat(second.http().post("/api/message_groups/" + group + "/read", bayko, "{}").statusCode()).isEqualTo(204);
            assertThat(andrewOnFirst.await(events -> events.stream().anyMatch(e -> "read".equals(e.name())
                    && e.data().contains(group) && e.data().contains(DemoUsers.BAYKO.id().toString())), WITHIN)).isTrue();
            assertThat(londoOnFirst.events()).noneSatisfy(e -> assertThat(e.data()).contains(group));
        }
    }

    /**
     * Edit and delete across instances: the other member, following another instance, hears each at
     * once, and the conversation's summaries follow (on DynamoDB through the stream, polled by the first instance).
     */
    @Test
    void anEditAndADeletionThroughOneInstanceReachTheOtherMemberOnTheOtherAndTheSummariesFollow() {
        String tag = store() + "-revised-" + System.nanoTime();
        String sent = second.http().post("/api/messages", andrew, "{\"message\":\"" + tag + " v1\",\"handle\":\"bayko\"}")
                .body();
        String group = Http.extract(sent, "\"message_group_uuid\":\"([^\"]+)\"");
        String path = "/api/messages/" + group + "/" + Http.extract(sent, "\"uuid\":\"([^\"]+)\"");
        try (SseConnection baykoOnFirst = stream(first, bayko); SseConnection londoOnFirst = stream(first, londo)) {
            String edited = second.http().patch(path, andrew, "{\"message\":\"" + tag + " v2\"}").body();

            assertThat(baykoOnFirst.await(events -> baykoOnFirst.named("message_edited").stream()
                    .anyMatch(e -> e.data().equals(edited)), WITHIN)).isTrue();
            first.http().await("/api/message_groups", bayko, body -> body.contains(tag + " v2"));

            assertThat(first.http().delete(path, andrew).statusCode()).isEqualTo(204);

            assertThat(baykoOnFirst.await(events -> baykoOnFirst.named("message_deleted").stream()
                    .anyMatch(e -> e.data().contains(group) && e.data().contains("\"message\":\"\"")), WITHIN)).isTrue();
            assertThat(second.http().get("/api/messages/" + group, bayko).body()).doesNotContain(tag)
                    .contains("\"message\":\"\"");
            first.http().await("/api/message_groups", bayko, body -> !body.contains(tag));
            assertThat(londoOnFirst.events()).noneSatisfy(e -> assertThat(e.data()).contains(group));
        }
    }

    @Test
    void typingThroughOneInstanceReachesTheOtherMemberOnTheOther() {
        String group = Http.extract(second.http().post("/api/messages", andrew,
                "{\"message\":\"" + store() + " typing\",\"handle\":\"bayko\"}").body(), "\"message_group_uuid\":\"([^\"]+)\"");
        try (SseConnection baykoOnFirst = stream(first, bayko); SseConnection londoOnFirst = stream(first, londo)) {
            assertThat(second.http().post("/api/message_groups/" + group + "/typing", andrew, "").statusCode()).isEqualTo(204);

            assertThat(baykoOnFirst.await(events -> events.stream().anyMatch(e -> "typing".equals(e.name())
                    && e.data().contains(group) && e.data().contains(DemoUsers.ANDREW.id().toString())), WITHIN)).isTrue();
            assertThat(londoOnFirst.named("typing")).isEmpty();
        }
    }

    /**
     * Blocks across instances: a block made through one instance is honoured by the other within a
     * second — sends refused, the blocker's stream there filtering out what the blocked user does — although that
     * instance had the blocker's (empty) list cached; and so is the unblock.
     */
    @Test
    void aBlockThroughOneInstanceIsHonouredByTheOtherAndSoIsTheUnblock() {
        String tag = store() + "-blocked-" + System.nanoTime();
        String group = Http.extract(first.http().post("/api/messages", bayko, "{\"message\":\"" + tag + " hi\",\"handle\":\"londo\"}")
                .body(), "\"message_group_uuid\":\"([^\"]+)\"");
        String toLondo = "{\"message\":\"" + tag + " again\",\"message_group_uuid\":\"" + group + "\"}";
        try (SseConnection londoOnFirst = stream(first, londo)) {
            assertThat(second.http().post("/api/users/@bayko/block", londo, "").statusCode()).isEqualTo(204);
            long blockedAt = System.nanoTime();
            int status;
            do {
                status = first.http().post("/api/messages", bayko, toLondo).statusCode();
            } while (status == 200 && System.nanoTime() - blockedAt < WITHIN.toNanos());
            assertThat(status).isEqualTo(403);
            System.out.println("until the other instance refuses: " + Duration.ofNanos(System.nanoTime() - blockedAt));
            int before = londoOnFirst.events().size();

            assertThat(first.http().post("/api/message_groups/" + group + "/typing", bayko, "").statusCode()).isEqualTo(204);
            assertThat(first.http().post("/api/message_groups/" + group + "/read", bayko, "{}").statusCode()).isEqualTo(204);
            second.http().post("/api/messages", andrew, "{\"message\":\"" + tag + " from andrew\",\"handle\":\"londo\"}");
            assertThat(londoOnFirst.await(events -> events.stream().anyMatch(e -> e.data().contains(tag + " from andrew")),
                    WITHIN)).isTrue();
            assertThat(londoOnFirst.events().subList(before, londoOnFirst.events().size()))
                    .as("after the block, nothing bayko did").noneMatch(e -> e.data().contains(DemoUsers.BAYKO.id().toString())
                            || e.data().contains("\"handle\":\"bayko\""));

            assertThat(first.http().delete("/api/users/@bayko/block", londo).statusCode()).isEqualTo(204);
            long unblockedAt = System.nanoTime();
            do {
                status = second.http().post("/api/messages", bayko, toLondo).statusCode();
            } while (status == 403 && System.nanoTime() - unblockedAt < WITHIN.toNanos());
            assertThat(status).isEqualTo(200);
            System.out.println("until the other instance accepts again: " + Duration.ofNanos(System.nanoTime() - unblockedAt));
            assertThat(londoOnFirst.await(events -> events.stream().anyMatch(e -> e.data().contains(tag + " again")),
                    WITHIN)).isTrue();
        } finally {
            second.http().delete("/api/users/@bayko/block", londo);
        }
    }

    @Test
    void anInstanceThatLosesItsListeningConnectionTellsItsClientsToResyncAndListensAgain() throws Exception {
        String tag = store() + "-relisten-" + System.nanoTime();
        try (SseConnection cutOff = stream(first, bayko)) {
            terminateEventListeners();
            assertThat(cutOff.await(events -> !cutOff.named("resync").isEmpty(), WITHIN)).isTrue();
            assertThat(cutOff.awaitEnd(WITHIN)).isTrue();
        }
        try (SseConnection again = stream(first, bayko)) {
            boolean arrived = false;
            for (int attempt = 0; attempt < 50 && !arrived; attempt++) {
                second.http().post("/api/messages", andrew, "{\"message\":\"" + tag + " " + attempt + "\",\"handle\":\"bayko\"}");
                arrived = again.await(events -> events.stream().anyMatch(e -> e.data().contains(tag)), Duration.ofMillis(200));
            }
            assertThat(arrived).as("events flow again after the listener reconnected").isTrue();
        }
    }

    @Test
    void aStoppingInstanceTellsItsClientsToResync() {
        Service leaving = Service.start(store(), Map.of("cruddur.dynamodb.poll-stream", false));
        try (SseConnection client = stream(leaving, bayko)) {
            leaving.close();
            assertThat(client.await(events -> !client.named("resync").isEmpty(), WITHIN)).isTrue();
            assertThat(client.awaitEnd(WITHIN)).isTrue();
        }
    }

    private static SseConnection stream(Service service, String token) {
        SseConnection connection = SseConnection.open(service.http().base(), "/api/events",
                Map.of("Authorization", "Bearer " + token));
        assertThat(connection.status()).isEqualTo(200);
        return connection;
    }

    /** What a database failover or a network cut does to every instance's listening connection. */
    private static void terminateEventListeners() throws Exception {
        Engines engines = EngineProvider.ENGINES;
        try (Connection admin = DriverManager.getConnection(engines.jdbcUrl(), engines.jdbcUser(), engines.jdbcPassword());
             PreparedStatement kill = admin.prepareStatement(
                     "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'cruddur-events'")) {
            kill.execute();
        }
    }
}
