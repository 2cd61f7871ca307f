package com.cruddur.messaging.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.adapter.http.CognitoStandIn;
import com.cruddur.messaging.app.DemoUsers;
import com.cruddur.messaging.app.Http;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import com.cruddur.messaging.adapter.http.ApiContract;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Generated requests — malformed bodies, headers, paths, queries and tokens — against the assembled
 * service: none gets a 5xx, each answer is one the API document describes ({@code ApiContract}), and the
 * stored conversations are the same afterwards. None of them can write: every handle is unknown and every
 * group id is made up. How many: {@code jqwik.tries.default}, 1,000 in the README's test command
 * (src/test/resources/junit-platform.properties), 10,000 in CI's run on containers ({@code -Djqwik.tries.default=10000}).
 */
class BadInputAtScaleTest {
    private static final Service SERVICE = Service.start("postgres", Map.of());
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String ANDREW = Service.tokenOf(DemoUsers.ANDREW);
    private static final List<String> AUTHORIZATIONS = authorizations();
    private static final String BEFORE = snapshot();

    /** One generated request. */
    record Attempt(String method, String path, String authorization, String contentType, String body) {
    }

    @Property(shrinking = ShrinkingMode.OFF)
    void malformedRequestsNeverGetA5xx(@ForAll("attempts") Attempt attempt) {
        assertThat(send(attempt).statusCode()).as(attempt.toString()).isLessThan(500);
    }

    @AfterContainer
    static void theStoredDataIsUnchanged() {
        try {
            assertThat(snapshot()).isEqualTo(BEFORE);
        } finally {
            SERVICE.close();
        }
    }

    @Provide
    Arbitrary<Attempt> attempts() {
        return Combinators.combine(
                Arbitraries.of("GET", "GET", "POST", "POST", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"),
                paths(),
                Arbitraries.of(AUTHORIZATIONS),
                Arbitraries.of("application/json", "application/json", "text/plain", "application/xml", "",
                        "application/json; charset=utf-16", "multipart/form-data; boundary=x"),
                bodies()).as(Attempt::new);
    }

    private static Arbitrary<String> paths() {
        Arbitrary<String> segment = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40).map(BadInputAtScaleTest::encode),
                Arbitraries.create(() -> UUID.randomUUID().toString()),
                Arbitraries.of("..", "%2e%2e", "%00", "", "@", "null", "undefined", "00000000-0000-0000-0000-000000000000"));
        Arbitrary<String> limit = Arbitraries.oneOf(Arbitraries.integers().between(-10, 1_000).map(String::valueOf),
                Arbitraries.strings().ofMaxLength(12).map(BadInputAtScaleTest::encode));
        Arbitrary<String> cursor = Arbitraries.strings().ofMaxLength(80).map(BadInputAtScaleTest::encode);
        return Arbitraries.oneOf(
                Arbitraries.just("/api/messages"),
                Combinators.combine(limit, cursor).as((l, c) -> "/api/message_groups?limit=" + l + "&cursor=" + c),
                Combinators.combine(segment, limit).as((s, l) -> "/api/messages/" + s + "?limit=" + l),
                Combinators.combine(segment, segment).as((group, message) -> "/api/messages/" + group + "/" + message),
                Combinators.combine(segment, Arbitraries.of("read", "typing"))
                        .as((group, action) -> "/api/message_groups/" + group + "/" + action),
                segment.map(s -> "/api/users/@zz" + s + "/short"),
                segment.map(s -> "/api/users/@zz" + s + "/block"),
                Arbitraries.just("/api/blocks"),
                segment.map(s -> "/api/" + s),
                segment.map(s -> "/" + s));
    }

    private static Arbitrary<String> bodies() {
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.of("true", "false", "null", "[]", "{}", "[1,2]", "{\"a\":{\"b\":[]}}", "1e999", "-0"),
                Arbitraries.strings().ofMaxLength(60).map(BadInputAtScaleTest::quoted),
                Arbitraries.of(" ", "\\t\\n", "\\u2003", "\\u0000").map(s -> "\"" + s + "\""),
                Arbitraries.integers().between(1_025, 3_000).map(n -> quoted("x".repeat(n))),
                Arbitraries.create(() -> quoted(UUID.randomUUID().toString())));
        Arbitrary<String> handle = Arbitraries.strings().ofMaxLength(30).map(s -> quoted("zz" + s));
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(300),
                Combinators.combine(value, value).as((m, g) -> "{\"message\":" + m + ",\"message_group_uuid\":" + g + "}"),
                Combinators.combine(value, handle).as((m, h) -> "{\"message\":" + m + ",\"handle\":" + h + "}"),
                Combinators.combine(value, value).as((m, h) -> "{\"message\":" + m + ",\"user_receiver_handle\":" + h + "}"),
                Combinators.combine(value, value).as((m, h) -> "{\"message\":" + m + ",\"handle\":" + h),
                value);
    }

    private static HttpResponse<String> send(Attempt attempt) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SERVICE.http().base().toString().replaceAll("/$", "") + attempt.path()))
                .timeout(Duration.ofSeconds(15))
                .method(attempt.method(), HttpRequest.BodyPublishers.ofString(attempt.body()));
        if (!attempt.authorization().isEmpty()) {
            request.header("Authorization", attempt.authorization());
        }
        if (!attempt.contentType().isEmpty()) {
            request.header("Content-Type", attempt.contentType());
        }
        try {
            HttpRequest built = request.build();
            return ApiContract.check(built, CLIENT.send(built, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String snapshot() {
        Http http = SERVICE.http();
        return http.get("/api/message_groups?limit=100", ANDREW).body()
                + http.get("/api/message_groups?limit=100", Service.tokenOf(DemoUsers.BAYKO)).body()
                + http.get("/api/message_groups?limit=100", Service.tokenOf(DemoUsers.LONDO)).body();
    }

    private static List<String> authorizations() {
        String sub = DemoUsers.ANDREW.cognitoUserId().orElseThrow().value();
        CognitoStandIn pool = Service.POOL;
        return List.of("", "Bearer", "Bearer ", "Basic YW5kcmV3OnNlY3JldA==", "Bearer not.a.token",
                "Bearer " + pool.token(sub, claims -> claims.expirationTime(Date.from(Instant.now().minusSeconds(5)))),
                "Bearer " + pool.token(sub, claims -> claims.issuer("https://cognito-idp.us-east-1.amazonaws.com/other")),
                "Bearer " + pool.token(sub, claims -> claims.claim("token_use", "id")),
                "Bearer " + pool.tokenWithUnknownKeyId(sub),
                "Bearer " + pool.tokenSignedByStranger(sub),
                "Bearer " + pool.accessToken(UUID.randomUUID().toString()),
                "Bearer " + ANDREW, "Bearer " + ANDREW, "Bearer " + ANDREW, "Bearer " + ANDREW);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** A JSON string literal of any text, escaped as JSON requires (lone surrogates included). */
    private static String quoted(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c < 0x20 || c == '"' || c == '\\' || Character.isSurrogate(c)) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }
}
