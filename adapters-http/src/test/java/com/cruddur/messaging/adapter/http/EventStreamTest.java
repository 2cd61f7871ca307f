package com.cruddur.messaging.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.adapter.http.SseConnection.SseEvent;
import com.cruddur.messaging.domain.model.User;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The event stream over real HTTP: who hears what, resuming, tickets, heartbeats, slow clients. */
@MicronautTest
@Property(name = "cruddur.events.heartbeat", value = "300ms")
@Property(name = "cruddur.events.buffer", value = "8")
// A small kernel send buffer, so that a client that stops reading stalls the connection after a few
// dozen kilobytes instead of the megabytes Linux would otherwise buffer for it.
@Property(name = "micronaut.server.netty.child-options.so-sndbuf", value = "8192")
class EventStreamTest extends HttpTest {
    /** A sender floods on purpose here (a reader that stops reading): no send limit in the way. */
    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = super.getProperties();
        properties.put("cruddur.rate-limits.sends.per-second", "10000");
        properties.put("cruddur.rate-limits.sends.burst", "10000");
        return properties;
    }

    private static final Duration WITHIN = Duration.ofSeconds(5);

    @Test
    void membersHearMessagesAndReadsOfTheirConversationsAndNobodyElseDoes() {
        User alice = newUser("alice");
        User bob = newUser("bob");
        User carol = newUser("carol");
        try (SseConnection bobs = stream(bob); SseConnection carols = stream(carol); SseConnection alices = stream(alice)) {
            assertThat(bobs.status()).isEqualTo(200);
            String sent = api().post("/api/messages", tokenOf(alice),
                    "{\"message\":\"hi \\\"bob\\\"\",\"handle\":\"" + bob.handle() + "\"}").body();
            String group = extract(sent, "\"message_group_uuid\":\"(" + UUID + ")\"");
            api().post("/api/message_groups/" + group + "/read", tokenOf(bob), "{}");

            assertThat(bobs.await(events -> bobs.named("message").size() == 1, WITHIN)).isTrue();
            assertThat(alices.await(events -> alices.named("read").size() == 1, WITHIN)).isTrue();
            SseEvent message = bobs.named("message").get(0);
            assertThat(message.id()).isNotBlank();
            assertThat(message.data()).isEqualTo(sent);
            assertThat(alices.named("message").get(0).data()).isEqualTo(sent);
            assertThat(alices.named("read").get(0).data()).matches("\\{\"message_group_uuid\":\"" + group
                    + "\",\"user_uuid\":\"" + bob.id() + "\",\"last_read_at\":\"" + TIMESTAMP + "\"}");
            assertThat(bobs.await(events -> events.stream().anyMatch(e -> "heartbeat".equals(e.comment())), WITHIN))
                    .isTrue();
            assertThat(carols.events()).allSatisfy(event -> assertThat(event.comment()).isIn("open", "heartbeat"));
        }
    }

    @Test
    void aClientResumesAfterTheLastEventItGotOrIsToldToResync() {
        User alice = newUser("alice");
        User bob = newUser("bob");
        String lastSeen;
        try (SseConnection first = stream(bob)) {
            api().post("/api/messages", tokenOf(alice), "{\"message\":\"one\",\"handle\":\"" + bob.handle() + "\"}");
            assertThat(first.await(events -> first.named("message").size() == 1, WITHIN)).isTrue();
            lastSeen = first.named("message").get(0).id();
        }
        api().post("/api/messages", tokenOf(alice), "{\"message\":\"two\",\"handle\":\"" + bob.handle() + "\"}");
        api().post("/api/messages", tokenOf(alice), "{\"message\":\"three\",\"handle\":\"" + bob.handle() + "\"}");

        try (SseConnection resumed = stream(bob, Map.of("Last-Event-ID", lastSeen));
             SseConnection tooOld = stream(bob, Map.of("Last-Event-ID", "forgotten"))) {
            assertThat(resumed.await(events -> resumed.named("message").size() == 2, WITHIN)).isTrue();
            assertThat(resumed.named("message")).extracting(SseEvent::data)
                    .allSatisfy(data -> assertThat(data).doesNotContain("\"one\""));
            assertThat(tooOld.await(events -> !tooOld.named("resync").isEmpty(), WITHIN)).isTrue();
            assertThat(tooOld.awaitEnd(WITHIN)).isTrue();
        }
    }

    @Test
    void aTicketOpensTheStreamOnceAndATokenInTheUrlIsRefused() {
        User bob = newUser("bob");
        HttpResponse<String> issued = api().post("/api/events/ticket", tokenOf(bob), "");
        assertThat(issued.statusCode()).isEqualTo(200);
        assertThat(issued.body()).matches("\\{\"ticket\":\"[0-9a-f]{64}\",\"expires_in\":60}");
        String ticket = extract(issued.body(), "\"ticket\":\"([0-9a-f]+)\"");

        try (SseConnection byTicket = SseConnection.open(api().base(), "/api/events?ticket=" + ticket, Map.of())) {
            assertThat(byTicket.status()).isEqualTo(200);
        }
        assertThat(api().get("/api/events?ticket=" + ticket, null).statusCode()).isEqualTo(401);
        assertThat(api().get("/api/events?ticket=" + ticket, null).body()).isEqualTo("[\"ticket_invalid\"]");
        assertThat(api().get("/api/events", null).statusCode()).isEqualTo(401);
        HttpResponse<String> tokenInUrl = api().get("/api/events?access_token=" + tokenOf(bob), null);
        assertThat(tokenInUrl.statusCode()).isEqualTo(400);
        assertThat(tokenInUrl.body()).isEqualTo("[\"token_in_url\"]");
        assertThat(api().post("/api/events/ticket", null, "").statusCode()).isEqualTo(401);
    }

    @Test
    void aClientThatStopsReadingIsCutOffWithResyncWithoutDelayingAnyoneElse() throws Exception {
        User alice = newUser("alice");
        User bob = newUser("bob");
        String text = "x".repeat(1000);
        try (SseConnection slow = SseConnection.open(api().base(), "/api/events",
                Map.of("Authorization", "Bearer " + tokenOf(bob)), true, 1024);
             SseConnection fast = stream(alice)) {
            String group = extract(api().post("/api/messages", tokenOf(alice),
                    "{\"message\":\"start\",\"handle\":\"" + bob.handle() + "\"}").body(), "\"message_group_uuid\":\"(" + UUID + ")\"");
            int burst = 400;
            String alicesToken = tokenOf(alice); // one signature, not 400
            for (int i = 0; i < burst; i++) {
                api().post("/api/messages", alicesToken, "{\"message\":\"" + text + i + "\",\"message_group_uuid\":\"" + group + "\"}");
            }
            assertThat(fast.await(events -> fast.named("message").size() == burst + 1, WITHIN)).isTrue();

            slow.resume();
            assertThat(slow.awaitEnd(WITHIN)).as("the slow client's stream ends").isTrue();
            List<SseEvent> got = slow.events();
            assertThat(got).isNotEmpty();
            assertThat(got.get(got.size() - 1).name()).isEqualTo("resync");
            assertThat(slow.named("message").size()).isLessThan(burst + 1);
        }
    }

    @Test
    void theOtherMemberSeesThatAMemberTypesAtMostOnceInTwoSecondsAndOnlyMembersMayType() {
        User alice = newUser("alice");
        User bob = newUser("bob");
        User carol = newUser("carol");
        String group = extract(api().post("/api/messages", tokenOf(alice), "{\"message\":\"hi\",\"handle\":\"" + bob.handle()
                + "\"}").body(), "\"message_group_uuid\":\"(" + UUID + ")\"");
        try (SseConnection bobs = stream(bob); SseConnection alices = stream(alice)) {
            List<Integer> statuses = List.of(
                    api().post("/api/message_groups/" + group + "/typing", tokenOf(alice), "").statusCode(),
                    api().post("/api/message_groups/" + group + "/typing", tokenOf(alice), "").statusCode());

            assertThat(statuses).containsExactly(204, 204);
            assertThat(bobs.await(events -> bobs.named("typing").size() == 1, WITHIN)).isTrue();
            assertThat(bobs.named("typing").get(0).data()).isEqualTo("{\"message_group_uuid\":\"" + group
                    + "\",\"user_uuid\":\"" + alice.id() + "\",\"expires_in\":5}");
            assertThat(api().post("/api/message_groups/" + group + "/typing", tokenOf(carol), "").statusCode()).isEqualTo(404);
            assertThat(api().post("/api/message_groups/not-a-uuid/typing", tokenOf(alice), "").statusCode()).isEqualTo(422);
            assertThat(bobs.named("typing")).as("the repeat within two seconds was dropped").hasSize(1);
            assertThat(alices.named("typing")).as("the typist is not told").isEmpty();
        }
    }

    private SseConnection stream(User user) {
        return stream(user, Map.of());
    }

    private SseConnection stream(User user, Map<String, String> headers) {
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.put("Authorization", "Bearer " + tokenOf(user));
        SseConnection connection = SseConnection.open(api().base(), "/api/events", all);
        // The subscription is in place once the response has started.
        assertThat(connection.status()).isEqualTo(200);
        return connection;
    }
}
