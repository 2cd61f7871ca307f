package com.cruddur.messaging.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.domain.model.User;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The original frontend's contract, asserted on the raw JSON text. */
@MicronautTest
class ApiContractTest extends HttpTest {
    /** How a direct conversation's list entry ends. */
    private static final String DIRECT = "\"kind\":\"direct\",\"name\":null,\"member_count\":2";

    @Test
    void sendingToAHandleStartsAConversationBothMembersSee() {
        User alice = newUser("alice");
        User bob = newUser("bob");

        HttpResponse<String> sent = api().post("/api/messages", tokenOf(alice),
                "{\"message\":\"Hi Bob!\",\"handle\":\"" + bob.handle() + "\"}");

        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(sent.body()).matches("\\{\"message_group_uuid\":\"" + UUID + "\",\"uuid\":\"" + UUID
                + "\",\"display_name\":\"Alice Tester\",\"handle\":\"" + alice.handle()
                + "\",\"message\":\"Hi Bob!\",\"created_at\":\"" + TIMESTAMP + "\",\"edited_at\":null,\"deleted_at\":null,\"kind\":\"message\"\\}");
        String group = extract(sent.body(), "\"message_group_uuid\":\"(" + UUID + ")\"");
        String message = extract(sent.body(), "\"uuid\":\"(" + UUID + ")\"");
        String at = extract(sent.body(), "\"created_at\":\"(" + TIMESTAMP + ")\"");

        assertThat(api().get("/api/message_groups", tokenOf(bob)).body()).isEqualTo("[{\"uuid\":\"" + group
                + "\",\"display_name\":\"Alice Tester\",\"handle\":\"" + alice.handle()
                + "\",\"message\":\"Hi Bob!\",\"created_at\":\"" + at + "\",\"unread_count\":1,"
                + "\"last_read_at\":null,\"other_last_read_at\":\"" + at + "\"," + DIRECT + "}]");
        assertThat(api().get("/api/message_groups", tokenOf(alice)).body()).isEqualTo("[{\"uuid\":\"" + group
                + "\",\"display_name\":\"Bob Tester\",\"handle\":\"" + bob.handle()
                + "\",\"message\":\"Hi Bob!\",\"created_at\":\"" + at + "\",\"unread_count\":0,"
                + "\"last_read_at\":\"" + at + "\",\"other_last_read_at\":null," + DIRECT + "}]");
        assertThat(api().get("/api/messages/" + group, tokenOf(bob)).body()).isEqualTo("[{\"uuid\":\"" + message
                + "\",\"display_name\":\"Alice Tester\",\"handle\":\"" + alice.handle()
                + "\",\"message\":\"Hi Bob!\",\"created_at\":\"" + at + "\",\"edited_at\":null,\"deleted_at\":null,\"kind\":\"message\"}]");
    }

    @Test
    void sendingToAGroupAnswersWithTheNewMessageAndItsGroup() {
        User alice = newUser("alice");
        User bob = newUser("bob");
        String group = extract(api().post("/api/messages", tokenOf(alice),
                "{\"message\":\"hi\",\"user_receiver_handle\":\"" + bob.handle() + "\"}").body(),
                "\"message_group_uuid\":\"(" + UUID + ")\"");

        HttpResponse<String> reply = api().post("/api/messages", tokenOf(bob),
                "{\"message\":\"  hello alice  \",\"message_group_uuid\":\"" + group + "\"}");

        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.body()).matches("\\{\"message_group_uuid\":\"" + group + "\",\"uuid\":\"" + UUID
                + "\",\"display_name\":\"Bob Tester\",\"handle\":\"" + bob.handle()
                + "\",\"message\":\"hello alice\",\"created_at\":\"" + TIMESTAMP
                + "\",\"edited_at\":null,\"deleted_at\":null,\"kind\":\"message\"\\}");
        assertThat(extract(reply.body(), "\"uuid\":\"(" + UUID + ")\"")).isNotEqualTo(TestWiring.sub(bob));
        assertThat(api().get("/api/messages/" + group, tokenOf(alice)).body())
                .matches("\\[\\{.*\"message\":\"hi\".*\\},\\{.*\"message\":\"hello alice\".*\\}\\]");
    }

    @Test
    void showsAShortProfileByHandleInAnyCase() {
        User carol = newUser("carol");

        HttpResponse<String> profile = api().get("/api/users/@" + carol.handle().value().toUpperCase() + "/short",
                tokenOf(newUser("dave")));

        assertThat(profile.statusCode()).isEqualTo(200);
        assertThat(profile.body()).isEqualTo("{\"uuid\":\"" + carol.id() + "\",\"handle\":\"" + carol.handle()
                + "\",\"display_name\":\"Carol Tester\"}");
    }

    @Test
    void pagesALongConversationThroughLinkHeaders() {
        User alice = newUser("alice");
        User bob = newUser("bob");
        String group = extract(api().post("/api/messages", tokenOf(alice),
                "{\"message\":\"message 0\",\"handle\":\"" + bob.handle() + "\"}").body(),
                "\"message_group_uuid\":\"(" + UUID + ")\"");
        for (int i = 1; i < 45; i++) {
            api().post("/api/messages", tokenOf(i % 2 == 0 ? alice : bob),
                    "{\"message\":\"message " + i + "\",\"message_group_uuid\":\"" + group + "\"}");
        }

        List<Integer> pageSizes = new ArrayList<>();
        List<String> newestPageFirst = new ArrayList<>();
        String next = "/api/messages/" + group + "?limit=20";
        while (next != null) {
            HttpResponse<String> page = api().get(next, tokenOf(bob));
            assertThat(page.statusCode()).isEqualTo(200);
            List<String> texts = texts(page.body());
            pageSizes.add(texts.size());
            newestPageFirst.addAll(0, texts);
            next = page.headers().firstValue("Link").map(link -> extract(link, "^<([^>]+)>; rel=\"next\"$")).orElse(null);
        }

        assertThat(pageSizes).containsExactly(20, 20, 5);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            expected.add("message " + i);
        }
        assertThat(newestPageFirst).isEqualTo(expected);
    }

    @Test
    void answersCorsPreflightsOfTheFrontendOnly() {
        HttpResponse<String> allowed = api().send(HttpRequest.newBuilder(server.getURI().resolve("/api/messages"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type"));
        HttpResponse<String> foreign = api().send(HttpRequest.newBuilder(server.getURI().resolve("/api/messages"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST"));

        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains("http://localhost:3000");
        assertThat(String.join(",", allowed.headers().allValues("Access-Control-Allow-Methods"))).contains("POST");
        assertThat(String.join(",", allowed.headers().allValues("Access-Control-Allow-Headers")).toLowerCase())
                .contains("authorization").contains("content-type");
        assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private static List<String> texts(String body) {
        List<String> texts = new ArrayList<>();
        Matcher matcher = Pattern.compile("\"message\":\"([^\"]*)\"").matcher(body);
        while (matcher.find()) {
            texts.add(matcher.group(1));
        }
        return texts;
    }
}
