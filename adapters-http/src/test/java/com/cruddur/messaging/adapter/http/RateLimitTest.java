package com.cruddur.messaging.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.domain.model.User;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Per-caller limits: over one, 429 {@code ["rate_limited"]} with {@code Retry-After} and nothing written;
 * one caller's flood leaves others alone; a retried send counts; anonymous lookups count per client address,
 * read from {@code X-Forwarded-For} only as written by a trusted proxy (this test's clients come through
 * 127.0.0.1, configured as one).
 */
@MicronautTest
class RateLimitTest extends HttpTest {
    private static final int BURST = 5;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = super.getProperties();
        for (String limit : List.of("sends", "mark-read", "tickets", "profile-lookups", "blocks")) {
            properties.put("cruddur.rate-limits." + limit + ".per-second", "1");
            properties.put("cruddur.rate-limits." + limit + ".burst", String.valueOf(BURST));
        }
        properties.put("cruddur.events.max-streams-per-user", "2");
        properties.put("cruddur.trusted-proxies", "127.0.0.1, ::1");
        return properties;
    }

    @Test
    void aBurstOverTheLimitIsAnswered429AndStoresNothingBeyondIt() {
        User alice = newUser("alice");
        User bob = newUser("bob");
        String group = extract(send(alice, "{\"message\":\"first\",\"handle\":\"" + bob.handle() + "\"}").body(),
                "\"message_group_uuid\":\"(" + UUID + ")\"");

        long start = System.nanoTime();
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (int i = 0; i < 3 * BURST; i++) {
            answers.add(send(alice, "{\"message\":\"m" + i + "\",\"message_group_uuid\":\"" + group + "\"}"));
        }
        long refilled = (System.nanoTime() - start) / 1_000_000_000L;

        List<HttpResponse<String>> accepted = answers.stream().filter(answer -> answer.statusCode() == 200).toList();
        List<HttpResponse<String>> refused = answers.stream().filter(answer -> answer.statusCode() != 200).toList();
        assertThat(accepted).as("the burst less the first send, plus what refilled meanwhile")
                .hasSizeBetween(BURST - 1, (int) (BURST - 1 + refilled));
        assertThat(refused).isNotEmpty().allSatisfy(answer -> {
            assertThat(answer.statusCode()).isEqualTo(429);
            assertThat(answer.body()).isEqualTo("[\"rate_limited\"]");
            assertThat(answer.headers().firstValue("Retry-After")).contains("1");
        });
        String stored = api().get("/api/messages/" + group + "?limit=100", tokenOf(bob)).body();
        assertThat(stored.split("\"uuid\"").length - 1).as("messages stored").isEqualTo(1 + accepted.size());
    }

    @Test
    void oneUsersFloodLeavesAnotherUsersSendsAlone() throws Exception {
        User flooder = newUser("flooder");
        User other = newUser("other");
        User friend = newUser("friend");
        ExecutorService flood = Executors.newFixedThreadPool(4);
        List<Future<Integer>> flooding = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            flooding.add(flood.submit(() -> send(flooder, "{\"message\":\"spam\",\"handle\":\"" + friend.handle() + "\"}")
                    .statusCode()));
        }
        List<Integer> others = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            others.add(send(other, "{\"message\":\"hi " + i + "\",\"handle\":\"" + friend.handle() + "\"}").statusCode());
        }
        List<Integer> flooded = new ArrayList<>();
        for (Future<Integer> status : flooding) {
            flooded.add(status.get());
        }
        flood.shutdown();

        assertThat(others).containsOnly(200);
        assertThat(flooded).contains(429);
    }

    @Test
    void aRetriedSendCountsAndIsAnsweredWithTheFirstSendAfterTheWait() throws Exception {
        User alice = newUser("carol");
        User bob = newUser("dave");
        String body = "{\"message\":\"once\",\"handle\":\"" + bob.handle() + "\",\"client_message_id\":\"retry-1\"}";
        HttpResponse<String> first = send(alice, body);
        HttpResponse<String> retry;
        int retries = 0;
        do {
            retry = send(alice, body);
        } while (retry.statusCode() == 200 && ++retries < 10 * BURST);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(retry.statusCode()).as("a retry over the limit").isEqualTo(429);
        Thread.sleep(1000L * Long.parseLong(retry.headers().firstValue("Retry-After").orElseThrow()));
        HttpResponse<String> later = send(alice, body);
        assertThat(later.statusCode()).isEqualTo(200);
        assertThat(extract(later.body(), "\"uuid\":\"(" + UUID + ")\"")).isEqualTo(extract(first.body(), "\"uuid\":\"(" + UUID + ")\""));
    }

    @Test
    void markReadAndTicketsHaveLimitsOfTheirOwn() {
        User alice = newUser("erin");
        User bob = newUser("frank");
        String group = extract(send(alice, "{\"message\":\"hi\",\"handle\":\"" + bob.handle() + "\"}").body(),
                "\"message_group_uuid\":\"(" + UUID + ")\"");

        List<Integer> reads = new ArrayList<>();
        List<Integer> tickets = new ArrayList<>();
        for (int i = 0; i < 3 * BURST; i++) {
            reads.add(api().post("/api/message_groups/" + group + "/read", tokenOf(bob), "").statusCode());
            tickets.add(api().post("/api/events/ticket", tokenOf(bob), "").statusCode());
        }

        assertThat(reads).startsWith(204, 204, 204, 204, 204).contains(429).containsOnly(204, 429);
        assertThat(tickets).startsWith(200, 200, 200, 200, 200).contains(429).containsOnly(200, 429);
        assertThat(send(bob, "{\"message\":\"sends are another limit\",\"message_group_uuid\":\"" + group + "\"}").statusCode())
                .isEqualTo(200);
    }

    @Test
    void blocksAndUnblocksShareALimitOfTheirOwn() {
        User alice = newUser("grace");
        User bob = newUser("heidi");

        List<Integer> changes = new ArrayList<>();
        for (int i = 0; i < 3 * BURST; i++) {
            String path = "/api/users/@" + bob.handle() + "/block";
            changes.add((i % 2 == 0 ? api().post(path, tokenOf(alice), "") : api().delete(path, tokenOf(alice))).statusCode());
        }

        assertThat(changes).startsWith(204, 204, 204, 204, 204).contains(429).containsOnly(204, 429);
        assertThat(send(alice, "{\"message\":\"sends are another limit\",\"handle\":\"" + bob.handle() + "\"}").statusCode())
                .isIn(200, 403);
    }

    @Test
    void aUserHasAtMostTheLimitOfStreamsOpenAtOnce() {
        User alice = newUser("gina");
        Map<String, String> auth = Map.of("Authorization", "Bearer " + tokenOf(alice));
        try (SseConnection one = SseConnection.open(server.getURI(), "/api/events", auth);
             SseConnection two = SseConnection.open(server.getURI(), "/api/events", auth)) {
            assertThat(List.of(one.status(), two.status())).containsOnly(200);
            HttpResponse<String> third = api().get("/api/events", tokenOf(alice));
            assertThat(third.statusCode()).isEqualTo(429);
            assertThat(third.body()).isEqualTo("[\"rate_limited\"]");
            assertThat(third.headers().firstValue("Retry-After")).isPresent();
            try (SseConnection other = SseConnection.open(server.getURI(), "/api/events",
                    Map.of("Authorization", "Bearer " + tokenOf(newUser("hank"))))) {
                assertThat(other.status()).as("another user's stream").isEqualTo(200);
            }
        }
        try (SseConnection again = SseConnection.open(server.getURI(), "/api/events", auth)) {
            assertThat(again.status()).as("once the first two are closed").isEqualTo(200);
        }
    }

    @Test
    void anonymousLookupsCountPerClientAddressAsTheTrustedProxySaysIt() {
        User target = newUser("ivan");
        String path = "/api/users/@" + target.handle() + "/short";

        List<Integer> fromOne = lookups(path, "203.0.113.7", 3 * BURST);
        // Right after the first client's own lookups: its bucket refills one a second, so a lookup that came after
        // another client's (a second later on a busy machine) could find a token again.
        List<Integer> spoofed = lookups(path, "1.2.3.4, 203.0.113.7", 1);
        List<Integer> fromAnother = lookups(path, "203.0.113.8", BURST);

        assertThat(fromOne).startsWith(200, 200, 200, 200, 200).contains(429);
        assertThat(fromAnother).as("another client behind the same proxy").containsOnly(200);
        assertThat(spoofed).as("what the client wrote left of its own address changes nothing").containsOnly(429);
    }

    private List<Integer> lookups(String path, String forwardedFor, int count) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            statuses.add(api().send(HttpRequest.newBuilder(api().base().resolve(path))
                    .header("X-Forwarded-For", forwardedFor).GET()).statusCode());
        }
        return statuses;
    }

    private HttpResponse<String> send(User user, String json) {
        return api().post("/api/messages", tokenOf(user), json);
    }
}
