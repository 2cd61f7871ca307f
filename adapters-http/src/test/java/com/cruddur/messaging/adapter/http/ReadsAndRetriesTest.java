package com.cruddur.messaging.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.domain.model.User;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Over HTTP: idempotent sends with client_message_id, read markers and the counts they move. */
@MicronautTest
class ReadsAndRetriesTest extends HttpTest {

    @Test
    void aRetryWithTheSameClientIdGetsTheFirstResponseAndAReuseIsAConflict() {
        User alice = newUser("alice");
        User bob = newUser("bob");
        String send = "{\"message\":\"hi\",\"handle\":\"" + bob.handle() + "\",\"client_message_id\":\"web-1\"}";

        HttpResponse<String> first = api().post("/api/messages", tokenOf(alice), send);
        HttpResponse<String> retry = api().post("/api/messages", tokenOf(alice), send);
        String group = extract(first.body(), "\"message_group_uuid\":\"(" + UUID + ")\"");
        HttpResponse<String> byGroup = api().post("/api/messages", tokenOf(alice),
                "{\"message\":\"hi\",\"message_group_uuid\":\"" + group + "\",\"client_message_id\":\"web-1\"}");
        HttpResponse<String> reused = api().post("/api/messages", tokenOf(alice),
                "{\"message\":\"another\",\"handle\":\"" + bob.handle() + "\",\"client_message_id\":\"web-1\"}");
        HttpResponse<String> invalid = api().post("/api/messages", tokenOf(alice),
                "{\"message\":\"hi\",\"handle\":\"" + bob.handle() + "\",\"client_message_id\":\"no spaces\"}");
        HttpResponse<String> wrongType = api().post("/api/messages", tokenOf(alice),
                "{\"message\":\"hi\",\"handle\":\"" + bob.handle() + "\",\"client_message_id\":7}");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(byGroup.body()).isEqualTo(first.body());
        assertThat(reused.statusCode()).isEqualTo(409);
        assertThat(reused.body()).isEqualTo("[\"client_message_id_reused\"]");
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).isEqualTo("[\"client_message_id_invalid\"]");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(api().get("/api/messages/" + group, tokenOf(bob)).body()).containsOnlyOnce("\"uuid\"");
    }

    @Test
    void markingReadMovesTheCountsAndTheOtherSeesIt() {
        User alice = newUser("alice");
        User bob = newUser("bob");
        String first = api().post("/api/messages", tokenOf(alice),
                "{\"message\":\"one\",\"handle\":\"" + bob.handle() + "\"}").body();
        String group = extract(first, "\"message_group_uuid\":\"(" + UUID + ")\"");
        String one = extract(first, "\"uuid\":\"(" + UUID + ")\"");
        String oneAt = extract(first, "\"created_at\":\"(" + TIMESTAMP + ")\"");
        api().post("/api/messages", tokenOf(alice), "{\"message\":\"two\",\"message_group_uuid\":\"" + group + "\"}");
        assertThat(api().get("/api/message_groups", tokenOf(bob)).body()).contains("\"unread_count\":2");

        HttpResponse<String> upToOne = api().post("/api/message_groups/" + group + "/read", tokenOf(bob),
                "{\"up_to\":\"" + one + "\"}");

        assertThat(upToOne.statusCode()).isEqualTo(204);
        assertThat(api().get("/api/message_groups", tokenOf(bob)).body())
                .contains("\"unread_count\":1,\"last_read_at\":\"" + oneAt + "\"");
        assertThat(api().get("/api/message_groups", tokenOf(alice)).body())
                .contains("\"other_last_read_at\":\"" + oneAt + "\"");

        HttpResponse<String> all = api().send(api().request("/api/message_groups/" + group + "/read", tokenOf(bob))
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(all.statusCode()).isEqualTo(204);
        assertThat(api().get("/api/message_groups", tokenOf(bob)).body()).contains("\"unread_count\":0");
    }

    @Test
    void markingReadRefusesStrangersAndBadInput() {
        User alice = newUser("alice");
        User bob = newUser("bob");
        User carol = newUser("carol");
        String group = extract(api().post("/api/messages", tokenOf(alice),
                "{\"message\":\"one\",\"handle\":\"" + bob.handle() + "\"}").body(), "\"message_group_uuid\":\"(" + UUID + ")\"");
        String path = "/api/message_groups/" + group + "/read";

        assertThat(api().post(path, tokenOf(carol), "{}").statusCode()).isEqualTo(404);
        HttpResponse<String> unknown = api().post(path, tokenOf(bob), "{\"up_to\":\"" + java.util.UUID.randomUUID() + "\"}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("[\"message_not_found\"]");
        HttpResponse<String> malformed = api().post(path, tokenOf(bob), "{\"up_to\":\"nope\"}");
        assertThat(malformed.statusCode()).isEqualTo(422);
        assertThat(malformed.body()).isEqualTo("[\"up_to_invalid\"]");
        assertThat(api().post(path, tokenOf(bob), "{\"up_to\":1}").statusCode()).isEqualTo(400);
        assertThat(api().post(path, tokenOf(bob), "[]").statusCode()).isEqualTo(400);
        assertThat(api().post("/api/message_groups/not-a-uuid/read", tokenOf(bob), "{}").statusCode()).isEqualTo(422);
        assertThat(api().post(path, null, "{}").statusCode()).isEqualTo(401);
        assertThat(api().get("/api/message_groups", tokenOf(bob)).body()).contains("\"unread_count\":1");
    }
}
