package com.cruddur.messaging.adapter.http.headers;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Headers every answer carries: {@code X-Content-Type-Options: nosniff} (a browser takes each body as its
 * declared type, never guesses HTML out of a message), and on the API's answers to an authenticated
 * request {@code Cache-Control: no-store} — a user's conversations stay out of shared and browser caches.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class ResponseHeaders implements Ordered {

    /** Outermost, so that answers other filters make themselves (a 401, a shed 503) carry the headers too. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }

    @ResponseFilter
    void add(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.header("X-Content-Type-Options", "nosniff");
        boolean authenticated = request.getHeaders().contains(HttpHeaders.AUTHORIZATION)
                || request.getParameters().contains("ticket");
        // An event stream sets its own (no-cache, as proxies expect of a stream).
        if (request.getPath().startsWith("/api/") && authenticated && !response.getHeaders().contains(HttpHeaders.CACHE_CONTROL)) {
            response.header(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }
}
