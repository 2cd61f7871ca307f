package com.cruddur.messaging.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.domain.model.User;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The API's errors (README, REST API: errors): the status, and a JSON body that says what is wrong. */
@MicronautTest
class ErrorMappingTest extends HttpTest {
    @Inject
    SwitchableStore store;

    @Inject
    ThreadRecordingUseCases useCases;

    @Test
    void invalidInputIs422WithTheOriginalsCodes() {
        User alice = newUser("alice");
        User bob = newUser("bob");

        assertError(api().post("/api/messages", tokenOf(alice), "{\"message\":\"   \",\"handle\":\"" + bob.handle() + "\"}"),
                422, "[\"message_blank\"]");
        assertError(api().post("/api/messages", tokenOf(alice), "{\"message\":\"" + "x".repeat(1025)
                + "\",\"handle\":\"" + bob.handle() + "\"}"), 422, "[\"message_exceed_max_chars\"]");
        assertError(api().post("/api/messages", tokenOf(alice), "{\"message\":\"hi\",\"message_group_uuid\":\"\"}"),
                422, "[\"message_group_uuid_blank\"]");
        assertError(api().post("/api/messages", tokenOf(alice), "{\"message\":\"hi\"}"),
                422, "[\"user_reciever_handle_blank\"]");
        assertError(api().post("/api/messages", tokenOf(alice), "{}"),
                422, "[\"user_reciever_handle_blank\",\"message_blank\"]");
        assertError(api().post("/api/messages", tokenOf(alice), "{\"message\":\"hi\",\"handle\":\"" + alice.handle() + "\"}"),
                422, "[\"message_to_self\"]");
        assertError(api().post("/api/messages", tokenOf(alice), "{\"message\":\"hi\",\"message_group_uuid\":\"nope\"}"),
                422, "[\"message_group_uuid_invalid\"]");
        assertError(api().get("/api/message_groups?limit=0", tokenOf(alice)), 422, "[\"limit_invalid\"]");
        assertError(api().get("/api/message_groups?limit=101", tokenOf(alice)), 422, "[\"limit_invalid\"]");
        assertError(api().get("/api/message_groups?cursor=%25%25%25", tokenOf(alice)), 422, "[\"cursor_invalid\"]");
        assertError(api().get("/api/message_groups?cursor=bm90LWEtdGltZQ", tokenOf(alice)), 422, "[\"cursor_invalid\"]");
        assertThat(api().get("/api/message_groups", tokenOf(alice)).body()).isEqualTo("[]");
    }

    @Test
    void whatDoesNotExistForTheCallerIs404() {
        User alice = newUser("alice");
        User bob = newUser("bob");
        User mallory = newUser("mallory");
        String group = extract(api().post("/api/messages", tokenOf(alice),
                "{\"message\":\"private\",\"handle\":\"" + bob.handle() + "\"}").body(),
                "\"message_group_uuid\":\"(" + UUID + ")\"");

        assertError(api().get("/api/messages/" + group, tokenOf(mallory)), 404, "[\"message_group_not_found\"]");
        assertError(api().post("/api/messages", tokenOf(mallory),
                "{\"message\":\"let me in\",\"message_group_uuid\":\"" + group + "\"}"), 404, "[\"message_group_not_found\"]");
        assertError(api().get("/api/messages/" + java.util.UUID.randomUUID(), tokenOf(alice)), 404,
                "[\"message_group_not_found\"]");
        assertError(api().get("/api/messages/not-a-uuid", tokenOf(alice)), 404, "[\"message_group_not_found\"]");
        assertError(api().post("/api/messages", tokenOf(alice), "{\"message\":\"hi\",\"handle\":\"nobody-at-all\"}"),
                404, "[\"user_not_found\"]");
        assertError(api().get("/api/users/@nobody-at-all/short", tokenOf(alice)), 404, "[\"user_not_found\"]");
        assertThat(api().get("/api/messages/" + group, tokenOf(bob)).body()).contains("\"message\":\"private\"")
                .doesNotContain("let me in");
    }

    @Test
    void malformedJsonAndWrongTypesAre400() {
        User alice = newUser("alice");

        assertThat(api().post("/api/messages", tokenOf(alice), "{\"message\": \"hi\", ").statusCode()).isEqualTo(400);
        assertError(api().post("/api/messages", tokenOf(alice), "[\"message\"]"), 400, "[\"json_object_expected\"]");
        assertError(api().post("/api/messages", tokenOf(alice), "{\"message\":42,\"handle\":\"bayko\"}"),
                400, "[\"message_not_a_string\"]");
        assertError(api().post("/api/messages", tokenOf(alice), "{\"message\":\"hi\",\"message_group_uuid\":[1]}"),
                400, "[\"message_group_uuid_not_a_string\"]");
        assertThat(api().get("/api/message_groups?limit=ten", tokenOf(alice)).statusCode()).isEqualTo(400);
    }

    @Test
    void aStoreThatIsDownIs503WithAJsonBody() {
        User alice = newUser("alice");
        store.down(true);
        try {
            HttpResponse<String> response = api().get("/api/message_groups", tokenOf(alice));

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.body()).isEqualTo("[\"store_unavailable\"]");
            assertThat(response.headers().firstValue("Retry-After")).contains("1");
        } finally {
            store.down(false);
        }
        assertThat(api().get("/api/message_groups", tokenOf(alice)).statusCode()).isEqualTo(200);
    }

    @Test
    void useCasesNeverRunOnTheEventLoop() {
        User alice = newUser("alice");
        User bob = newUser("bob");
        api().post("/api/messages", tokenOf(alice), "{\"message\":\"hi\",\"handle\":\"" + bob.handle() + "\"}");
        api().get("/api/message_groups", tokenOf(bob));
        api().get("/api/users/@" + bob.handle() + "/short", tokenOf(alice));

        assertThat(useCases.threads()).isNotEmpty()
                .noneMatch(thread -> thread.toLowerCase().contains("eventloop") || thread.contains("event-loop"));
    }

    private static void assertError(HttpResponse<String> response, int status, String body) {
        assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(response.body()).isEqualTo(body);
    }
}
