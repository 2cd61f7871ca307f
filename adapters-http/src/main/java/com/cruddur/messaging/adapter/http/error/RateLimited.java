package com.cruddur.messaging.adapter.http.error;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import java.time.Duration;
import java.util.List;

/** The answer to a caller over one of its limits: 429 {@code ["rate_limited"]}, with when to try again. */
public final class RateLimited {
    public static final String CODE = "rate_limited";

    private RateLimited() {
    }

    /** {@code Retry-After} in whole seconds, rounded up: a client that waits that long gets through. */
    public static MutableHttpResponse<List<String>> response(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return HttpResponse.<List<String>>status(HttpStatus.TOO_MANY_REQUESTS)
                .header("Retry-After", String.valueOf(seconds))
                // JSON also where the route would produce an event stream
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(List.of(CODE));
    }
}
