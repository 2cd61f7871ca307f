package com.cruddur.messaging.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.domain.model.User;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Blocks over real HTTP: what each side may do and hear while one blocks the other, and every refusal. */
@MicronautTest
class BlocksTest extends HttpTest {
    private static final Duration WITHIN = Duration.ofSeconds(5);

    @Test
    void whileBlockedNeitherSendsTheBlockerHearsNothingOfTheBlockedAndAfterUnblockingBothDo() {
        User alice = newUser("alice");
        User bob = newUser("bob");
        User carol = newUser("carol");
        String group = extract(api().post("/api/messages", tokenOf(bob), "{\"message\":\"hi\",\"handle\":\""
                + alice.handle() + "\"}").body(), "\"message_group_uuid\":\"(" + UUID + ")\"");
        try (SseConnection alices = SseConnection.open(api().base(), "/api/events",
                Map.of("Authorization", "Bearer " + tokenOf(alice)))) {
            assertThat(api().post("/api/users/@" + bob.handle().value().toUpperCase() + "/block", tokenOf(alice), "")
                    .statusCode()).isEqualTo(204);
            assertThat(api().post("/api/users/@" + bob.handle() + "/block", tokenOf(alice), "").statusCode())
                    .as("again").isEqualTo(204);

            var byGroup = api().post("/api/messages", tokenOf(bob), "{\"message\":\"hello?\",\"message_group_uuid\":\"" + group + "\"}");
            var byHandle = api().post("/api/messages", tokenOf(bob), "{\"message\":\"hello?\",\"handle\":\"" + alice.handle() + "\"}");
            var fromBlocker = api().post("/api/messages", tokenOf(alice), "{\"message\":\"bye\",\"message_group_uuid\":\"" + group + "\"}");
            assertThat(byGroup.statusCode()).isEqualTo(403);
            assertThat(byGroup.body()).isEqualTo("[\"recipient_unavailable\"]");
            assertThat(byHandle.statusCode()).isEqualTo(403);
            assertThat(byHandle.body()).isEqualTo("[\"recipient_unavailable\"]");
            assertThat(fromBlocker.statusCode()).isEqualTo(403);
            assertThat(fromBlocker.body()).isEqualTo("[\"recipient_blocked\"]");
            assertThat(api().post("/api/message_groups/" + group + "/typing", tokenOf(bob), "").statusCode()).isEqualTo(204);
            assertThat(api().post("/api/message_groups/" + group + "/read", tokenOf(bob), "{}").statusCode()).isEqualTo(204);
            api().post("/api/messages", tokenOf(carol), "{\"message\":\"from carol\",\"handle\":\"" + alice.handle() + "\"}");
            assertThat(alices.await(events -> alices.named("message").size() == 1, WITHIN)).isTrue();
            assertThat(alices.events()).filteredOn(event -> event.name() != null).as("only carol's message: nothing bob did")
                    .hasSize(1);
            assertThat(alices.named("message").get(0).data()).contains("from carol");
            assertThat(api().get("/api/messages/" + group, tokenOf(alice)).body()).as("the history stays")
                    .contains("\"message\":\"hi\"").doesNotContain("hello?").doesNotContain("bye");
            assertThat(api().get("/api/blocks", tokenOf(alice)).body()).isEqualTo("[{\"uuid\":\"" + bob.id()
                    + "\",\"handle\":\"" + bob.handle() + "\",\"display_name\":\"Bob Tester\"}]");
            assertThat(api().get("/api/blocks", tokenOf(bob)).body()).isEqualTo("[]");

            assertThat(api().delete("/api/users/@" + bob.handle() + "/block", tokenOf(alice)).statusCode()).isEqualTo(204);
            assertThat(api().delete("/api/users/@" + bob.handle() + "/block", tokenOf(alice)).statusCode()).isEqualTo(204);

            assertThat(api().post("/api/messages", tokenOf(bob), "{\"message\":\"back\",\"message_group_uuid\":\"" + group
                    + "\"}").statusCode()).isEqualTo(200);
            assertThat(alices.await(events -> alices.named("message").size() == 2, WITHIN)).isTrue();
            assertThat(alices.named("message").get(1).data()).contains("\"message\":\"back\"");
            assertThat(api().get("/api/blocks", tokenOf(alice)).body()).isEqualTo("[]");
        }
    }

    @Test
    void refusalsSayWhyAndChangeNothing() {
        User alice = newUser("alice");

        var self = api().post("/api/users/@" + alice.handle() + "/block", tokenOf(alice), "");
        var nobody = api().post("/api/users/@nobody-at-all/block", tokenOf(alice), "");
        var anonymous = api().post("/api/users/@" + alice.handle() + "/block", null, "");

        assertThat(self.statusCode()).isEqualTo(422);
        assertThat(self.body()).isEqualTo("[\"block_self\"]");
        assertThat(nobody.statusCode()).isEqualTo(404);
        assertThat(nobody.body()).isEqualTo("[\"user_not_found\"]");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(api().delete("/api/users/@nobody-at-all/block", tokenOf(alice)).statusCode()).isEqualTo(404);
        assertThat(api().get("/api/blocks", null).statusCode()).isEqualTo(401);
        assertThat(api().get("/api/blocks", tokenOf(alice)).body()).isEqualTo("[]");
    }
}
