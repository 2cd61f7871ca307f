package com.cruddur.messaging.app.e2e;

import static com.cruddur.messaging.app.e2e.Service.tokenOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.adapter.dynamodb.table.MessagesTable;
import com.cruddur.messaging.adapter.stream.MessageProjector;
import com.cruddur.messaging.adapter.stream.StreamPoller;
import com.cruddur.messaging.app.DemoUsers;
import com.cruddur.messaging.app.Http;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Faults of a running service on the DynamoDB store: a store going away gives prompt 503s and the
 * service recovers by itself when it is back; the stream poller stopped and restarted converges;
 * replaying the whole stream changes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsTest {
    private static final Duration CALL_TIMEOUT = Duration.ofMillis(1500);
    private final String andrew = tokenOf(DemoUsers.ANDREW);
    private final String londo = tokenOf(DemoUsers.LONDO);
    private Service service;
    private Http http;

    @BeforeAll
    void start() {
        service = Service.start("dynamodb", Map.of(
                "cruddur.dynamodb.attempt-timeout", "500ms",
                "cruddur.dynamodb.call-timeout", CALL_TIMEOUT.toMillis() + "ms",
                "cruddur.dynamodb.max-attempts", 2));
        http = service.http();
    }

    @AfterAll
    void stop() {
        service.close();
    }

    @Test
    @Order(1)
    void dynamoDbGoingAwayIsAPrompt503AndTheServiceRecoversWhenItIsBack() {
        assertOutageAndRecovery(EngineProvider.ENGINES::stopDynamoDb, EngineProvider.ENGINES::startDynamoDb,
                "/api/message_groups", NOT_HUNG);
    }

    @Test
    @Order(2)
    void postgresGoingAwayIsAPrompt503AndTheServiceRecoversWhenItIsBack() {
        // A profile by handle is always asked of PostgreSQL (callers themselves are remembered for a few seconds).
        assertOutageAndRecovery(EngineProvider.ENGINES::stopPostgres, EngineProvider.ENGINES::startPostgres,
                "/api/users/@bayko/short", NOT_HUNG);
    }

    /**
     * An outage's answer is bounded by the stores' timeouts (about a second), not hung; a machine busy with another
     * build may take a few times that, never twenty seconds.
     */
    private static final Duration NOT_HUNG = Duration.ofSeconds(20);

    private void assertOutageAndRecovery(Runnable stop, Runnable start, String path, Duration promptly) {
        stop.run();
        HttpResponse<String> during;
        Duration took;
        try {
            long started = System.nanoTime();
            during = http.get(path, andrew);
            took = Duration.ofNanos(System.nanoTime() - started);
        } finally {
            start.run();
        }

        assertThat(during.statusCode()).isEqualTo(503);
        assertThat(during.body()).isEqualTo("[\"store_unavailable\"]");
        assertThat(during.headers().firstValue("Retry-After")).contains("1");
        assertThat(took).isLessThan(promptly);
        http.await(path, andrew, body -> body.contains("\"handle\":\"bayko\""));
    }

    @Test
    @Order(3)
    void aStoppedPollerCatchesUpWhenStartedAgain() {
        StreamPoller poller = service.context().getBean(StreamPoller.class);
        String group = Http.extract(http.post("/api/messages", londo, "{\"message\":\"before the pause\",\"handle\":\"andrewbrown\"}")
                .body(), "\"message_group_uuid\":\"([^\"]+)\"");
        poller.stop();
        try {
            for (int i = 0; i < 5; i++) {
                assertThat(http.post("/api/messages", i % 2 == 0 ? andrew : londo,
                        "{\"message\":\"while paused " + i + "\",\"message_group_uuid\":\"" + group + "\"}").statusCode())
                        .isEqualTo(200);
            }
        } finally {
            poller.start();
        }

        http.await("/api/message_groups", londo, body -> body.contains("\"message\":\"while paused 4\""));
        http.await("/api/message_groups", andrew, body -> body.contains("\"message\":\"while paused 4\""));
    }

    @Test
    @Order(4)
    void replayingTheWholeStreamChangesNothing() {
        List<String> before = List.of(groupsOf(andrew), groupsOf(londo), groupsOf(tokenOf(DemoUsers.BAYKO)));
        long messagesInTable = service.context().getBean(MessagesTable.class).scan()
                .filter(item -> item.get("pk").s().startsWith("MSG#")).count();
        try (StreamPoller replay = new StreamPoller(service.context().getBean(DynamoDbStreamsClient.class),
                service.context().getBean(MessagesTable.class).streamArn().orElseThrow(),
                service.context().getBean(MessageProjector.class), Duration.ofMillis(20))) {
            replay.start();
            await(() -> replay.projected() >= messagesInTable);
        }

        assertThat(List.of(groupsOf(andrew), groupsOf(londo), groupsOf(tokenOf(DemoUsers.BAYKO)))).isEqualTo(before);
    }

    private String groupsOf(String token) {
        return http.get("/api/message_groups", token).body();
    }

    private static void await(BooleanSupplier condition) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("the replay finishes in time").isBefore(deadline);
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
