package com.cruddur.messaging.domain.model;

import java.time.Duration;
import java.util.Objects;

/**
 * A one-use pass to open the caller's event stream, for clients that cannot send an
 * {@code Authorization} header (a browser's {@code EventSource}); an access token never goes in a URL.
 */
public record EventTicket(String value, Duration validFor) {
    public static final Duration VALID_FOR = Duration.ofSeconds(60);

    public EventTicket {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(validFor, "validFor");
    }
}
