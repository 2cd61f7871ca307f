package com.cruddur.messaging.app;

import com.cruddur.messaging.adapter.http.ApiContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Real HTTP to a running service, with raw bodies, and waiting for a condition without blind sleeps. */
public final class Http {
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    public Http(URI base) {
        this.base = base;
    }

    public URI base() {
        return base;
    }

    public HttpResponse<String> get(String path, String token) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token).GET());
    }

    public HttpResponse<String> post(String path, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    public HttpResponse<String> patch(String path, String token, String json) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token).method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> delete(String path, String token) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token).DELETE());
    }

    public String devToken(String handle) {
        return extract(post("/dev/tokens/" + handle, null, "").body(), "\"access_token\":\"([^\"]+)\"");
    }

    /** Repeats the GET until its body satisfies the condition, failing after 20 seconds. */
    public HttpResponse<String> await(String path, String token, Predicate<String> condition) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (true) {
            HttpResponse<String> response = get(path, token);
            if (response.statusCode() == 200 && condition.test(response.body())) {
                return response;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("GET " + path + " never satisfied the condition; last: " + response.body());
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Any request, as built (headers, method, body), with this client's timeout; the exchange is checked against the API document. */
    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            HttpRequest built = request.timeout(Duration.ofSeconds(15)).build();
            return ApiContract.check(built, client.send(built, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String extract(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("'" + text + "' does not match " + regex);
        }
        return matcher.group(1);
    }
}
