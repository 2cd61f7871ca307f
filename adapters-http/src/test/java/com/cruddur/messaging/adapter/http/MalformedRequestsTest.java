package com.cruddur.messaging.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.domain.model.User;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hundreds of malformed requests (wrong types, missing fields, invalid UUIDs, huge bodies, control
 * characters, unicode edge cases, bad headers, paths and methods): every one is refused with a 4xx
 * and the stored conversations are unchanged afterwards.
 */
@MicronautTest
class MalformedRequestsTest extends HttpTest {
    private User alice;
    private User bob;
    private String group;

    /** One request, described for the failure message. */
    record Case(String name, Function<URI, HttpRequest.Builder> request) {
    }

    @BeforeAll
    void startAConversation() {
        alice = newUser("alice");
        bob = newUser("bob");
        group = extract(api().post("/api/messages", tokenOf(alice),
                "{\"message\":\"the only message\",\"handle\":\"" + bob.handle() + "\"}").body(),
                "\"message_group_uuid\":\"(" + UUID + ")\"");
    }

    @Test
    void everyMalformedRequestIsA4xxAndChangesNothing() {
        List<Case> cases = cases();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(200);
        String before = snapshot();

        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            HttpResponse<String> response = api().send(c.request().apply(server.getURI()));
            if (response.statusCode() < 400 || response.statusCode() >= 500) {
                failures.add(c.name() + " -> " + response.statusCode() + " " + abbreviate(response.body()));
            }
        }

        assertThat(failures).isEmpty();
        assertThat(snapshot()).isEqualTo(before);
    }

    private String snapshot() {
        return api().get("/api/message_groups", tokenOf(alice)).body()
                + api().get("/api/message_groups", tokenOf(bob)).body()
                + api().get("/api/messages/" + group + "?limit=100", tokenOf(alice)).body();
    }

    private List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        String token = tokenOf(alice);
        List<String> wrongTypes = List.of("42", "-1.5", "true", "false", "[]", "[\"hi\"]", "{}", "{\"a\":1}");
        for (String field : List.of("message", "message_group_uuid", "handle", "user_receiver_handle")) {
            for (String wrong : wrongTypes) {
                cases.add(post("wrong type " + field + "=" + wrong, token,
                        "{\"message\":\"hi\",\"" + field + "\":" + wrong + (field.equals("message") ? ",\"handle\":\"" + bob.handle() + "\"" : "") + "}"));
            }
        }
        List<String> badJson = List.of("", " ", "{", "}", "[", "]", "{\"message\":}", "{\"message\" \"hi\"}",
                "{'message':'hi'}", "{\"message\":\"hi\",}", "nul", "null", "true", "123", "\"just a string\"",
                "{\"message\":\"unterminated}", "{\"message\":\"hi\"}}", "{\"message\":\"hi\"} trailing",
                "\uFEFF{\"message\":\"hi\"}", "{\"message\":\"\\uZZZZ\"}", "{\"message\":\"\\x41\"}",
                "[".repeat(5_000) + "]".repeat(5_000), "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000),
                "{\"message\":NaN}", "{\"message\":Infinity}", "{\"message\":01}", "{\"message\":\"hi\"\u0000}");
        for (String json : badJson) {
            cases.add(post("malformed JSON " + abbreviate(json), token, json));
        }
        List<String> missing = List.of("{}", "{\"message\":\"hi\"}", "{\"handle\":\"" + bob.handle() + "\"}",
                "{\"message_group_uuid\":\"" + group + "\"}", "{\"message\":null,\"handle\":\"" + bob.handle() + "\"}",
                "{\"message\":\"hi\",\"handle\":null}", "{\"message\":\"hi\",\"handle\":\"\"}",
                "{\"message\":\"\",\"message_group_uuid\":\"" + group + "\"}",
                "{\"message\":\"   \\n\\t \",\"message_group_uuid\":\"" + group + "\"}",
                "{\"message\":\"\\u2003\\u3000\",\"message_group_uuid\":\"" + group + "\"}",
                "{\"message\":\"hi\",\"message_group_uuid\":\"\"}", "{\"message\":\"hi\",\"message_group_uuid\":\"  \"}");
        for (String json : missing) {
            cases.add(post("missing or blank " + abbreviate(json), token, json));
        }
        List<String> badUuids = List.of("0", "123", "not-a-uuid", "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz", "1-2-3-4-5",
                group + "0", group.substring(1), " " + group, group + " ", group.replace('-', '_'),
                "00000000-0000-0000-0000-000000000000", java.util.UUID.randomUUID().toString(), "../../etc/passwd",
                "\u0000", "%00", "\uD800", "\uD83D\uDE00", "x".repeat(5_000), "{" + group + "}", group.toUpperCase() + "x");
        for (String uuid : badUuids) {
            cases.add(post("bad group id " + abbreviate(uuid), token,
                    "{\"message\":\"hi\",\"message_group_uuid\":\"" + jsonEscape(uuid) + "\"}"));
            cases.add(get("bad group id in path " + abbreviate(uuid), token, "/api/messages/" + urlEncode(uuid)));
        }
        List<String> badHandles = List.of("nobody", "bay\u0000ko", "\u0007", "\u001b[31mred", "\uD800", "\uDFFF",
                "\uD83D\uDE00", "a".repeat(2_000), "@" + bob.handle() + "@", "%", "bob\nsmith", "'; drop table users;--",
                alice.handle().value(), alice.handle().value().toUpperCase(), "\u202Eevil");
        for (String handle : badHandles) {
            cases.add(post("bad handle " + abbreviate(handle), token,
                    "{\"message\":\"hi\",\"handle\":\"" + jsonEscape(handle) + "\"}"));
            if (!handle.equalsIgnoreCase(alice.handle().value())) {
                cases.add(get("unknown profile " + abbreviate(handle), token, "/api/users/@" + urlEncode(handle) + "/short"));
            }
        }
        List<String> badText = List.of("x".repeat(1025), "\uD83D\uDE00".repeat(1025), "\u0000".repeat(0) + " ",
                "\u200B".repeat(0) + "\t\n\r ", "y".repeat(60_000));
        for (String text : badText) {
            cases.add(post("bad text to group " + abbreviate(text), token,
                    "{\"message\":\"" + jsonEscape(text) + "\",\"message_group_uuid\":\"" + group + "\"}"));
            cases.add(post("bad text to handle " + abbreviate(text), token,
                    "{\"message\":\"" + jsonEscape(text) + "\",\"handle\":\"" + bob.handle() + "\"}"));
        }
        cases.add(post("huge body", token, "{\"message\":\"" + "z".repeat(200_000) + "\",\"handle\":\"" + bob.handle() + "\"}"));
        List<String> badQueries = List.of("limit=0", "limit=-1", "limit=101", "limit=1e3", "limit=abc",
                "limit=99999999999", "limit=1.5", "limit=%00", "cursor=%25", "cursor=====", "cursor=%FF%FE",
                "cursor=" + "A".repeat(1_000), "cursor=bm90LWEtdGltZQ", "cursor=%00", "limit=20&limit=abc");
        for (String query : badQueries) {
            cases.add(get("bad paging " + query, token, "/api/message_groups?" + query));
            cases.add(get("bad paging on messages " + query, token, "/api/messages/" + group + "?" + query));
        }
        // (The scheme is case-insensitive and extra spaces are tolerated, so "bearer <token>" is not among these.)
        List<String> badAuthorizations = List.of("Bearer", "Bearer ",
                "Basic YWxpY2U6c2VjcmV0", "Token " + token, token, "Bearer " + token.substring(0, token.length() - 5),
                "Bearer " + token + "x", "Bearer a.b.c", "Bearer " + "e".repeat(9_000), "Bearer \u00e9\u00e8");
        for (String authorization : badAuthorizations) {
            cases.add(new Case("bad authorization " + abbreviate(authorization), base -> HttpRequest
                    .newBuilder(base.resolve("/api/message_groups")).header("Authorization", authorization).GET()));
            cases.add(new Case("bad authorization on post " + abbreviate(authorization), base -> HttpRequest
                    .newBuilder(base.resolve("/api/messages")).header("Authorization", authorization)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"hi\",\"handle\":\"" + bob.handle() + "\"}"))));
        }
        for (String contentType : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "application/octet-stream")) {
            cases.add(new Case("content type " + contentType, base -> HttpRequest.newBuilder(base.resolve("/api/messages"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofString("message=hi&handle=" + bob.handle()))));
        }
        for (String method : List.of("PUT", "DELETE", "PATCH")) {
            for (String path : List.of("/api/messages", "/api/message_groups", "/api/messages/" + group,
                    "/api/users/@" + bob.handle() + "/short")) {
                cases.add(new Case(method + " " + path, base -> HttpRequest.newBuilder(base.resolve(path))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString("{\"message\":\"hi\"}"))));
            }
        }
        for (String path : List.of("/api/users/@/short", "/api/users/bob/short", "/api/users/@%00/short",
                "/api/messages/", "/api/messages/%2e%2e", "/api/messages/" + group + "/extra", "/api/nothing",
                "/api/message_groups/" + group + "/extra")) {
            cases.add(get("odd path " + path, token, path));
        }
        return cases;
    }

    private static Case post(String name, String token, String json) {
        return new Case(name, base -> HttpRequest.newBuilder(base.resolve("/api/messages"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static Case get(String name, String token, String path) {
        return new Case(name, base -> HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).GET());
    }

    private static String jsonEscape(String text) {
        StringBuilder escaped = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c < 0x20 || c == '"' || c == '\\' || Character.isSurrogate(c)) {
                escaped.append(String.format("\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static String urlEncode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 40 ? printable.substring(0, 40) + "...(" + text.length() + ")" : printable;
    }
}
