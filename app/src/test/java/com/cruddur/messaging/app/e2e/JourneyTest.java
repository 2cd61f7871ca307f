package com.cruddur.messaging.app.e2e;

import static com.cruddur.messaging.app.e2e.Service.tokenOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.app.DemoUsers;
import com.cruddur.messaging.app.Http;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two users talk through the assembled service, as the frontend would: create a group by handle,
 * exchange messages both ways, see both lists move, page a long conversation; a third user sees nothing;
 * unread counts and "seen" follow what each reads, and a retried send stores one message.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JourneyTest {
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private final String londo = tokenOf(DemoUsers.LONDO);
    private final String bayko = tokenOf(DemoUsers.BAYKO);
    private final String andrew = tokenOf(DemoUsers.ANDREW);
    private Service service;

    abstract String store();

    @BeforeAll
    void start() {
        service = Service.start(store(), Map.of());
    }

    @AfterAll
    void stop() {
        service.close();
    }

    @Test
    void twoUsersTalkAndAThirdSeesNothing() {
        Http http = service.http();
        String tag = store() + "-" + System.nanoTime();
        HttpResponse<String> opened = http.post("/api/messages", londo,
                "{\"message\":\"Hello Bayko " + tag + "\",\"handle\":\"bayko\"}");
        assertThat(opened.statusCode()).isEqualTo(200);
        String group = Http.extract(opened.body(), "\"message_group_uuid\":\"(" + UUID + ")\"");

        send(http, bayko, group, "Hello Londo " + tag);
        send(http, londo, group, "How are you " + tag);

        String newest = "\"message\":\"How are you " + tag + "\"";
        http.await("/api/message_groups", londo, body -> firstEntry(body).contains(newest)
                && firstEntry(body).contains("\"handle\":\"bayko\""));
        http.await("/api/message_groups", bayko, body -> body.contains("\"uuid\":\"" + group + "\"")
                && entryOf(body, group).contains(newest) && entryOf(body, group).contains("\"handle\":\"londo\""));

        for (int i = 0; i < 40; i++) {
            send(http, i % 2 == 0 ? bayko : londo, group, tag + " #" + i);
        }
        List<String> conversation = allPages(http, bayko, group);
        List<String> mine = conversation.stream().filter(text -> text.contains(tag)).toList();
        assertThat(mine).hasSize(43).doesNotHaveDuplicates();
        assertThat(mine.subList(0, 3)).containsExactly("Hello Bayko " + tag, "Hello Londo " + tag, "How are you " + tag);
        for (int i = 0; i < 40; i++) {
            assertThat(mine.get(3 + i)).isEqualTo(tag + " #" + i);
        }
        http.await("/api/message_groups", bayko, body -> entryOf(body, group).contains(tag + " #39"));

        assertThat(http.get("/api/messages/" + group, andrew).statusCode()).isEqualTo(404);
        assertThat(http.post("/api/messages", andrew, "{\"message\":\"let me in\",\"message_group_uuid\":\"" + group + "\"}")
                .statusCode()).isEqualTo(404);
        assertThat(allPages(http, londo, group)).doesNotContain("let me in");
    }

    @Test
    void unreadCountsRiseAndFallSeenShowsAndARetriedSendStoresOneMessage() {
        Http http = service.http();
        String tag = store() + "-reads-" + System.nanoTime();
        String firstSend = "{\"message\":\"Hi Londo " + tag + "\",\"handle\":\"londo\",\"client_message_id\":\"" + tag + "\"}";
        HttpResponse<String> opened = http.post("/api/messages", andrew, firstSend);
        // The client never saw that answer (a dropped connection) and sends again.
        HttpResponse<String> retried = http.post("/api/messages", andrew, firstSend);
        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(retried.body()).isEqualTo(opened.body());
        String group = Http.extract(opened.body(), "\"message_group_uuid\":\"(" + UUID + ")\"");
        assertThat(allPages(http, londo, group)).filteredOn(text -> text.contains(tag)).hasSize(1);

        markRead(http, londo, group);
        http.await("/api/message_groups", londo, body -> entryOf(body, group).contains("\"unread_count\":0"));
        for (int i = 1; i <= 3; i++) {
            send(http, andrew, group, tag + " #" + i);
        }
        http.await("/api/message_groups", londo, body -> entryOf(body, group).contains("\"unread_count\":3"));
        String lastSent = sentAt(http, andrew, group);

        markRead(http, londo, group);
        http.await("/api/message_groups", londo, body -> entryOf(body, group).contains("\"unread_count\":0,"
                + "\"last_read_at\":\"" + lastSent + "\""));
        http.await("/api/message_groups", andrew, body -> entryOf(body, group)
                .contains("\"other_last_read_at\":\"" + lastSent + "\""));
        // "Seen by": the details name each member's marker; andrew's moved by his own sends.
        http.await("/api/message_groups/" + group, andrew, body -> body.contains("\"kind\":\"direct\"")
                && memberOf(body, "londo").contains("\"last_read_at\":\"" + lastSent + "\"")
                && memberOf(body, "andrewbrown").contains("\"last_read_at\":\"" + lastSent + "\""));
        assertThat(http.get("/api/message_groups/" + group, bayko).statusCode()).isEqualTo(404);

        send(http, londo, group, tag + " reply");
        http.await("/api/message_groups", andrew, body -> entryOf(body, group).contains("\"unread_count\":1"));
        markRead(http, andrew, group);
        http.await("/api/message_groups", andrew, body -> entryOf(body, group).contains("\"unread_count\":0"));
        http.await("/api/message_groups", londo, body -> entryOf(body, group).contains("\"unread_count\":0"));
    }

    /** A member's entry in a conversation's details. */
    private static String memberOf(String details, String handle) {
        return Http.extract(details, "(\\{[^{}]*\"handle\":\"" + handle + "\"[^{}]*\\})");
    }

    private static void markRead(Http http, String token, String group) {
        HttpResponse<String> read = http.post("/api/message_groups/" + group + "/read", token, "{}");
        assertThat(read.statusCode()).as(read.body()).isEqualTo(204);
    }

    /** The time of the group's newest message. */
    private static String sentAt(Http http, String token, String group) {
        String page = http.get("/api/messages/" + group + "?limit=1", token).body();
        return Http.extract(page, "\"created_at\":\"([^\"]+)\"");
    }

    private static void send(Http http, String token, String group, String text) {
        HttpResponse<String> sent = http.post("/api/messages", token,
                "{\"message\":\"" + text + "\",\"message_group_uuid\":\"" + group + "\"}");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
    }

    /** Follows the Link headers from the latest page back to the first; returns the texts oldest first. */
    private static List<String> allPages(Http http, String token, String group) {
        List<String> texts = new ArrayList<>();
        String next = "/api/messages/" + group + "?limit=20";
        while (next != null) {
            HttpResponse<String> page = http.get(next, token);
            assertThat(page.statusCode()).isEqualTo(200);
            List<String> pageTexts = new ArrayList<>();
            Matcher matcher = Pattern.compile("\"message\":\"([^\"]*)\"").matcher(page.body());
            while (matcher.find()) {
                pageTexts.add(matcher.group(1));
            }
            assertThat(pageTexts.size()).isLessThanOrEqualTo(20);
            texts.addAll(0, pageTexts);
            next = page.headers().firstValue("Link").map(link -> Http.extract(link, "^<([^>]+)>; rel=\"next\"$")).orElse(null);
        }
        return texts;
    }

    private static String firstEntry(String list) {
        int end = list.indexOf('}');
        return end < 0 ? "" : list.substring(0, end);
    }

    private static String entryOf(String list, String group) {
        int start = list.indexOf("\"uuid\":\"" + group + "\"");
        return start < 0 ? "" : list.substring(start, list.indexOf('}', start));
    }
}
