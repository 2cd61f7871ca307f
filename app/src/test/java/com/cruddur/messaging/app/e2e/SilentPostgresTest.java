package com.cruddur.messaging.app.e2e;

import static com.cruddur.messaging.app.e2e.Service.tokenOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.adapter.http.SseConnection;
import com.cruddur.messaging.app.DemoUsers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL behind a network that goes silent — a partition says nothing: connections stay open and no answer
 * comes. A request that needs the database is answered 503 within the JDBC socket timeout (it waited for ever
 * before); the event listener's heartbeat finds its connection dead, so every open stream is told to resync (it
 * waited for ever for notifications that could not come); once the network carries again, requests and events flow
 * without a restart.
 */
@Tag("long") // CI runs it; the README's test command leaves it out (README, Tests)
class SilentPostgresTest {
    private static final Duration WITHIN = Duration.ofSeconds(60); // a hang detector, far above the 2 s timeouts here
    private static final Pattern PORT = Pattern.compile("//[^:/]+:(\\d+)/");

    @Test
    void aSilentDatabaseGets503sAndResyncsAndAllFlowsAgainOnceItAnswers() throws Exception {
        String direct = EngineProvider.ENGINES.jdbcUrl();
        Matcher port = PORT.matcher(direct);
        assertThat(port.find()).as(direct).isTrue();
        try (SilentProxy proxy = new SilentProxy(Integer.parseInt(port.group(1)));
             Service service = Service.start("postgres", Map.of(
                     "datasources.default.url", direct.replace(":" + port.group(1) + "/", ":" + proxy.port() + "/"),
                     "cruddur.jdbc.socket-timeout", "2s",
                     "cruddur.jdbc.connect-timeout", "2s"))) {
            String andrew = tokenOf(DemoUsers.ANDREW);
            String bayko = tokenOf(DemoUsers.BAYKO);
            assertThat(service.http().get("/api/message_groups", andrew).statusCode()).isEqualTo(200);
            try (SseConnection stream = SseConnection.open(service.http().base(), "/api/events",
                    Map.of("Authorization", "Bearer " + bayko))) {
                assertThat(stream.status()).isEqualTo(200);

                proxy.silence();
                HttpResponse<String> duringSilence = service.http().get("/api/message_groups", andrew);
                boolean resynced = stream.await(events -> !stream.named("resync").isEmpty(), WITHIN);
                proxy.heal();

                assertThat(duringSilence.statusCode()).as(duringSilence.body()).isEqualTo(503);
                assertThat(resynced).as("the stream is told to resync").isTrue();
                service.http().await("/api/message_groups", andrew, body -> true);
            }
            // A stream told to resync is closed; its client connects again, as an EventSource does — also when the
            // listener, still finding its way back through the healed network, tells a stream opened meanwhile to resync.
            assertThat(messageReachesAReconnectingFollower(service, andrew, bayko))
                    .as("events flow again: the listener listens on a new connection").isTrue();
        }
    }

    /**
     * Like an EventSource: opens a stream, sends a message, and waits for it — reconnecting after each resync (the
     * message sent before it is then read from the conversation by a real client, so a new one is sent) — until one
     * arrives, within {@link #WITHIN} in all.
     */
    private static boolean messageReachesAReconnectingFollower(Service service, String sender, String follower) {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            try (SseConnection stream = SseConnection.open(service.http().base(), "/api/events",
                    Map.of("Authorization", "Bearer " + follower))) {
                assertThat(stream.status()).isEqualTo(200);
                String tag = "after the silence " + System.nanoTime();
                assertThat(service.http().post("/api/messages", sender,
                        "{\"message\":\"" + tag + "\",\"handle\":\"bayko\"}").statusCode()).isEqualTo(200);
                Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
                stream.await(events -> events.stream().anyMatch(e -> e.data().contains(tag))
                        || !stream.named("resync").isEmpty(), left);
                if (stream.events().stream().anyMatch(e -> e.data().contains(tag))) {
                    return true;
                }
            }
        }
        return false;
    }
}
