package com.cruddur.messaging.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.domain.model.User;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Edit and delete over real HTTP: who may, what every reader and follower sees, and every refusal. */
@MicronautTest
class EditAndDeleteTest extends HttpTest {
    private static final Duration WITHIN = Duration.ofSeconds(5);

    @Inject
    SwitchableStore store;

    @Test
    void theSenderEditsThenDeletesAndBothMembersSeeItAsItHappens() {
        User alice = newUser("alice");
        User bob = newUser("bob");
        String sent = api().post("/api/messages", tokenOf(alice), "{\"message\":\"see you at 5\",\"handle\":\""
                + bob.handle() + "\"}").body();
        String group = extract(sent, "\"message_group_uuid\":\"(" + UUID + ")\"");
        String message = extract(sent, "\"uuid\":\"(" + UUID + ")\"");
        String createdAt = Pattern.quote(extract(sent, "\"created_at\":\"(" + TIMESTAMP + ")\""));
        String path = "/api/messages/" + group + "/" + message;
        try (SseConnection bobs = SseConnection.open(api().base(), "/api/events",
                Map.of("Authorization", "Bearer " + tokenOf(bob)))) {
            assertThat(bobs.status()).isEqualTo(200);

            HttpResponse<String> edited = api().patch(path, tokenOf(alice), "{\"message\":\" see you at 6 \"}");

            assertThat(edited.statusCode()).isEqualTo(200);
            assertThat(edited.body()).matches("\\{\"message_group_uuid\":\"" + group + "\",\"uuid\":\"" + message
                    + "\",\"display_name\":\"Alice Tester\",\"handle\":\"" + alice.handle()
                    + "\",\"message\":\"see you at 6\",\"created_at\":\"" + createdAt + "\",\"edited_at\":\"" + TIMESTAMP
                    + "\",\"deleted_at\":null,\"kind\":\"message\"\\}");
            assertThat(api().get("/api/messages/" + group, tokenOf(bob)).body()).contains("\"message\":\"see you at 6\"");
            assertThat(api().get("/api/message_groups", tokenOf(bob)).body()).contains("\"message\":\"see you at 6\"");
            assertThat(bobs.await(events -> bobs.named("message_edited").size() == 1, WITHIN)).isTrue();
            assertThat(bobs.named("message_edited").get(0).data()).isEqualTo(edited.body());

            HttpResponse<String> deleted = api().delete(path, tokenOf(alice));
            HttpResponse<String> again = api().delete(path, tokenOf(alice));

            assertThat(deleted.statusCode()).isEqualTo(204);
            assertThat(again.statusCode()).isEqualTo(204);
            assertThat(api().get("/api/messages/" + group, tokenOf(bob)).body()).matches("\\[\\{\"uuid\":\"" + message
                    + "\",\"display_name\":\"Alice Tester\",\"handle\":\"" + alice.handle() + "\",\"message\":\"\","
                    + "\"created_at\":\"" + createdAt + "\",\"edited_at\":\"" + TIMESTAMP + "\",\"deleted_at\":\""
                    + TIMESTAMP + "\",\"kind\":\"message\"}]");
            assertThat(api().get("/api/message_groups", tokenOf(alice)).body()).contains("\"message\":\"\"");
            assertThat(bobs.await(events -> bobs.named("message_deleted").size() == 1, WITHIN)).isTrue();
            assertThat(bobs.named("message_deleted").get(0).data()).contains("\"message\":\"\"")
                    .doesNotContain("see you");
            HttpResponse<String> editOfDeleted = api().patch(path, tokenOf(alice), "{\"message\":\"back\"}");
            assertThat(editOfDeleted.statusCode()).isEqualTo(409);
            assertThat(editOfDeleted.body()).isEqualTo("[\"message_deleted\"]");
        }
    }

    @Test
    void nobodyButTheSenderMayAndNothingChangesWhenRefused() {
        User alice = newUser("alice");
        User bob = newUser("bob");
        User carol = newUser("carol");
        String sent = api().post("/api/messages", tokenOf(alice), "{\"message\":\"mine\",\"handle\":\""
                + bob.handle() + "\"}").body();
        String group = extract(sent, "\"message_group_uuid\":\"(" + UUID + ")\"");
        String path = "/api/messages/" + group + "/" + extract(sent, "\"uuid\":\"(" + UUID + ")\"");

        assertRefused(api().patch(path, tokenOf(bob), "{\"message\":\"not yours\"}"), 404, "[\"message_not_found\"]");
        assertRefused(api().delete(path, tokenOf(bob)), 404, "[\"message_not_found\"]");
        assertRefused(api().patch(path, tokenOf(carol), "{\"message\":\"stranger\"}"), 404,
                "[\"message_group_not_found\"]");
        assertRefused(api().delete("/api/messages/" + group + "/" + java.util.UUID.randomUUID(), tokenOf(alice)), 404,
                "[\"message_not_found\"]");
        assertRefused(api().patch(path, null, "{\"message\":\"who\"}"), 401, "[\"unauthorized\"]");
        assertRefused(api().patch(path, tokenOf(alice), "{\"message\":\"   \"}"), 422, "[\"message_blank\"]");
        assertRefused(api().patch(path, tokenOf(alice), "{\"message\":7}"), 400, "[\"message_not_a_string\"]");
        assertRefused(api().patch(path, tokenOf(alice), "[\"message\"]"), 400, "[\"json_object_expected\"]");
        assertRefused(api().patch(path, tokenOf(alice), "{\"message\":"), 400, "[\"request_malformed\"]");
        assertRefused(api().patch("/api/messages/nope/nada", tokenOf(alice), "{}"), 422,
                "[\"message_group_uuid_invalid\",\"message_uuid_invalid\",\"message_blank\"]");
        assertRefused(api().delete("/api/messages/" + group + "/nada", tokenOf(alice)), 422, "[\"message_uuid_invalid\"]");

        assertThat(api().get("/api/messages/" + group, tokenOf(bob)).body()).contains("\"message\":\"mine\"")
                .contains("\"edited_at\":null,\"deleted_at\":null");
    }

    @Test
    void aStoreThatIsDownIsA503AndTheMessageIsUnchanged() {
        User alice = newUser("alice");
        User bob = newUser("bob");
        String sent = api().post("/api/messages", tokenOf(alice), "{\"message\":\"kept\",\"handle\":\""
                + bob.handle() + "\"}").body();
        String group = extract(sent, "\"message_group_uuid\":\"(" + UUID + ")\"");
        String path = "/api/messages/" + group + "/" + extract(sent, "\"uuid\":\"(" + UUID + ")\"");
        store.down(true);
        try {
            assertThat(api().patch(path, tokenOf(alice), "{\"message\":\"lost?\"}").statusCode()).isEqualTo(503);
            assertThat(api().delete(path, tokenOf(alice)).statusCode()).isEqualTo(503);
        } finally {
            store.down(false);
        }
        assertThat(api().get("/api/messages/" + group, tokenOf(bob)).body()).contains("\"message\":\"kept\"");
    }

    @Test
    void theFrontendMayEditAndDeleteFromItsOrigin() {
        for (String method : new String[] {"PATCH", "DELETE"}) {
            HttpResponse<String> preflight = api().send(HttpRequest.newBuilder(
                            server.getURI().resolve("/api/messages/5ae290ed-55d1-47a0-bc6d-fe2bc2700399/"
                                    + "9f7b3a52-1c0e-4b7e-8f53-7d8e2c3f1a10"))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", "http://localhost:3000")
                    .header("Access-Control-Request-Method", method)
                    .header("Access-Control-Request-Headers", "authorization,content-type"));

            assertThat(preflight.statusCode()).isEqualTo(200);
            assertThat(String.join(",", preflight.headers().allValues("Access-Control-Allow-Methods"))).contains(method);
        }
    }

    private static void assertRefused(HttpResponse<String> response, int status, String body) {
        assertThat(response.statusCode()).as(response.request().method() + " " + response.request().uri()).isEqualTo(status);
        assertThat(response.body()).isEqualTo(body);
    }
}
