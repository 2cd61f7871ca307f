package com.cruddur.messaging.app.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** HTTP as a mobile client makes it: short timeouts, every call recorded with its answer or error. */
final class Calls {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");

    private final Cluster cluster;
    private final History history;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    Calls(Cluster cluster, History history) {
        this.cluster = cluster;
        this.history = history;
    }

    /** A call with an optional JSON body (POST), or a GET; recorded by the caller (sends) or here (others). */
    History.Call call(int user, String kind, int instance, String token, String path, String json) {
        return call(user, kind, instance, token, path, json, json == null ? "GET" : "POST");
    }

    /** A call of any method; {@code json} is its body, if it has one. */
    History.Call call(int user, String kind, int instance, String token, String path, String json, String method) {
        HttpRequest.Builder request = HttpRequest.newBuilder(cluster.service(instance).resolve(path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token);
        if (json != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else if (!method.equals("GET")) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        long start = history.nowMs();
        String described = method + " " + path + (json == null ? "" : " " + json);
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            Optional<String> next = response.headers().firstValue("Link").map(NEXT::matcher).filter(Matcher::find)
                    .map(matcher -> matcher.group(1));
            return new History.Call(user, kind, instance, start, history.nowMs(), described, response.statusCode(),
                    next.map(link -> body + "\nLINK " + link).orElse(body), null);
        } catch (IOException e) {
            return new History.Call(user, kind, instance, start, history.nowMs(), described, 0, null, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new History.Call(user, kind, instance, start, history.nowMs(), described, 0, null, "interrupted");
        }
    }

    /** The body without the next page's link that {@link #call} appends. */
    static String body(History.Call call) {
        int link = call.body().lastIndexOf("\nLINK ");
        return link < 0 ? call.body() : call.body().substring(0, link);
    }

    /** An answer's body (or an event's data) as JSON. */
    static JsonNode json(String text) {
        try {
            return JSON.readTree(Objects.requireNonNull(text));
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + text, e);
        }
    }

    /** A top-level field of an answer's body (or an event's data) as text; null when it is absent or null. */
    static String field(String text, String name) {
        JsonNode value = json(text).get(name);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** The next page's path, if the answer had one. */
    static Optional<String> next(History.Call call) {
        int link = call.body() == null ? -1 : call.body().lastIndexOf("\nLINK ");
        if (link < 0) {
            return Optional.empty();
        }
        URI uri = URI.create(call.body().substring(link + 6).strip());
        return Optional.of(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }
}
