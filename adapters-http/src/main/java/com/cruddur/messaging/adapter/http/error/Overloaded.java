package com.cruddur.messaging.adapter.http.error;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import java.util.List;

/** The answer to a request this instance cannot take now: 503 {@code ["overloaded"]}, retry after a second. */
public final class Overloaded {
    public static final String CODE = "overloaded";

    private Overloaded() {
    }

    public static MutableHttpResponse<List<String>> response() {
        return HttpResponse.<List<String>>status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "1")
                .body(List.of(CODE));
    }
}
