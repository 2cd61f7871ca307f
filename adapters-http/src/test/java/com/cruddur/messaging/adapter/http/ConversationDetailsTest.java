package com.cruddur.messaging.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.domain.model.User;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Over HTTP: a conversation's details, and the kinds that tell a direct conversation and a message apart. */
@MicronautTest
class ConversationDetailsTest extends HttpTest {

    @Test
    void aMemberSeesBothMembersWithTheirRoleAndHowFarEachHasRead() {
        User alice = newUser("alice");
        User bob = newUser("bob");
        String first = firstSend(alice, bob);
        String group = extract(first, "\"message_group_uuid\":\"(" + UUID + ")\"");
        String firstAt = extract(first, "\"created_at\":\"(" + TIMESTAMP + ")\"");

        HttpResponse<String> before = api().get("/api/message_groups/" + group, tokenOf(bob));
        api().post("/api/message_groups/" + group + "/read", tokenOf(bob), "{}");
        HttpResponse<String> after = api().get("/api/message_groups/" + group, tokenOf(alice));

        assertThat(before.statusCode()).isEqualTo(200);
        assertThat(before.body()).isEqualTo("{\"uuid\":\"" + group + "\",\"kind\":\"direct\",\"name\":null,"
                + "\"created_at\":\"" + firstAt + "\",\"members\":["
                + member(alice, "\"" + firstAt + "\"") + "," + member(bob, "null") + "]}");
        assertThat(after.body()).contains(member(bob, "\"" + firstAt + "\""));
    }

    @Test
    void toAnyoneElseTheConversationDoesNotExist() {
        User alice = newUser("alice");
        User bob = newUser("bob");
        User carol = newUser("carol");
        String group = extract(firstSend(alice, bob), "\"message_group_uuid\":\"(" + UUID + ")\"");

        HttpResponse<String> stranger = api().get("/api/message_groups/" + group, tokenOf(carol));
        HttpResponse<String> unknown = api().get("/api/message_groups/5ae290ed-55d1-47a0-bc6d-fe2bc2700399", tokenOf(alice));
        HttpResponse<String> notAnId = api().get("/api/message_groups/not-an-id", tokenOf(alice));
        HttpResponse<String> anonymous = api().get("/api/message_groups/" + group, null);

        assertThat(stranger.statusCode()).isEqualTo(404);
        assertThat(stranger.body()).isEqualTo("[\"message_group_not_found\"]");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(notAnId.statusCode()).isEqualTo(404);
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void listsAndMessagesSayWhatKindTheyAre() {
        User alice = newUser("alice");
        User bob = newUser("bob");
        String sent = firstSend(alice, bob);
        String group = extract(sent, "\"message_group_uuid\":\"(" + UUID + ")\"");

        assertThat(sent).endsWith(",\"kind\":\"message\"}");
        assertThat(api().get("/api/messages/" + group, tokenOf(bob)).body()).endsWith(",\"kind\":\"message\"}]");
        assertThat(api().get("/api/message_groups", tokenOf(bob)).body())
                .endsWith(",\"kind\":\"direct\",\"name\":null,\"member_count\":2}]");
    }

    /** The answer to the sender's first message to the other, which starts their conversation. */
    private String firstSend(User sender, User other) {
        return api().post("/api/messages", tokenOf(sender), "{\"message\":\"one\",\"handle\":\"" + other.handle() + "\"}")
                .body();
    }

    private static String member(User user, String lastReadAt) {
        return "{\"uuid\":\"" + user.id() + "\",\"handle\":\"" + user.handle().value() + "\",\"display_name\":\""
                + user.displayName() + "\",\"role\":\"member\",\"last_read_at\":" + lastReadAt + "}";
    }
}
