package com.cruddur.messaging.app.e2e;

import static com.cruddur.messaging.app.e2e.Service.tokenOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.app.DemoUsers;
import com.cruddur.messaging.app.Http;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The original week-5 React frontend's requests, header for header, as a browser on its origin
 * sends them (CORS preflights included), against the service on every store: the message groups
 * page, a conversation, the new-conversation page (whose short-profile request carries no token),
 * and the message form by handle and by group.
 */
class OriginalFrontendTest {
    private static final String ORIGIN = "http://localhost:3000";
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private Http http;
    private final String londo = tokenOf(DemoUsers.LONDO);
    private final String bayko = tokenOf(DemoUsers.BAYKO);
    private final String andrew = tokenOf(DemoUsers.ANDREW);

    @ParameterizedTest(name = "store={0}")
    @ValueSource(strings = {"dynamodb", "postgres", "memory"})
    void theOriginalFrontendWorksUnchanged(String store) {
        try (Service service = Service.start(store, Map.of("cruddur.frontend-origin", ORIGIN))) {
            http = service.http();
            URI base = http.base();
            String text = "Hello from the original frontend on " + store + " " + System.nanoTime();

            // Message groups page.
            preflight(base, "GET", "/api/message_groups", "authorization");
            assertThat(fromBrowser(get(base, "/api/message_groups", londo)).body()).startsWith("[");

            // New-conversation page for @bayko: the groups with the token, the short profile without any.
            fromBrowser(get(base, "/api/message_groups", londo));
            HttpResponse<String> profile = fromBrowser(HttpRequest.newBuilder(base.resolve("/api/users/@bayko/short")).GET());
            assertThat(profile.body()).isEqualTo("{\"uuid\":\"" + DemoUsers.BAYKO.id() + "\",\"handle\":\"bayko\","
                    + "\"display_name\":\"" + DemoUsers.BAYKO.displayName() + "\"}");

            // Message form by handle; the page then navigates to /messages/<message_group_uuid>.
            preflight(base, "POST", "/api/messages", "authorization,content-type");
            HttpResponse<String> opened = fromBrowser(post(base, londo, "{\"message\":\"" + text + "\",\"handle\":\"bayko\"}"));
            String group = Http.extract(opened.body(), "\"message_group_uuid\":\"(" + UUID + ")\"");

            // Conversation page, then the message form by group.
            preflight(base, "GET", "/api/messages/" + group, "authorization");
            fromBrowser(get(base, "/api/message_groups", londo));
            assertThat(fromBrowser(get(base, "/api/messages/" + group, londo)).body()).contains(text);
            HttpResponse<String> reply = fromBrowser(post(base, bayko,
                    "{\"message\":\"Re: " + text + "\",\"message_group_uuid\":\"" + group + "\"}"));
            assertThat(reply.body()).contains("\"message_group_uuid\":\"" + group + "\"", "\"handle\":\"bayko\"",
                    "\"message\":\"Re: " + text + "\"");

            // The other user's view, and a foreign conversation.
            http.await("/api/message_groups", bayko, body -> body.contains("\"uuid\":\"" + group + "\"")
                    && body.contains("Re: " + text));
            assertThat(http.send(get(base, "/api/messages/" + group, andrew)).statusCode()).isEqualTo(404);
        }
    }

    /** A browser's CORS preflight for a request with the given method and non-safelisted headers. */
    private void preflight(URI base, String method, String path, String headers) {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(path))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", ORIGIN)
                .header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", headers));
        assertThat(response.statusCode()).as("preflight of %s %s", method, path).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains(ORIGIN);
        assertThat(String.join(",", response.headers().allValues("Access-Control-Allow-Methods"))).contains(method);
        // A browser joins repeated header lines with commas, as the service may send one line per header.
        String allowed = String.join(",", response.headers().allValues("Access-Control-Allow-Headers")).toLowerCase(Locale.ROOT);
        for (String header : headers.split(",")) {
            assertThat(allowed).as("allowed headers").contains(header);
        }
    }

    /** The request as the browser sends it after the preflight: with the page's origin; it must succeed for the page. */
    private HttpResponse<String> fromBrowser(HttpRequest.Builder request) {
        HttpResponse<String> response = http.send(request.header("Origin", ORIGIN));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains(ORIGIN);
        return response;
    }

    private HttpRequest.Builder get(URI base, String path, String token) {
        return HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token).GET();
    }

    private HttpRequest.Builder post(URI base, String token, String json) {
        return HttpRequest.newBuilder(base.resolve("/api/messages"))
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }
}
