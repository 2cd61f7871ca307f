package com.cruddur.messaging.domain.model;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A point in time with microsecond precision, written as fixed-width UTC ISO-8601
 * ({@code 2026-03-01T18:04:05.123456+00:00}) so that string order, which DynamoDB sort keys use,
 * equals time order.
 */
public record Timestamp(Instant instant) implements Comparable<Timestamp> {
    private static final DateTimeFormatter FIXED_WIDTH =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'+00:00'").withZone(ZoneOffset.UTC);

    public Timestamp {
        Objects.requireNonNull(instant, "instant");
        instant = instant.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Reads our own format and every other ISO-8601 form the original stored: other offsets,
     * {@code Z}, fewer or no fractional digits, and offset-less local times (taken as UTC).
     *
     * @throws IllegalArgumentException when the text is not an ISO-8601 date-time
     */
    public static Timestamp parse(String text) {
        Objects.requireNonNull(text, "text");
        try {
            return new Timestamp(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException withoutOffset) {
            try {
                return new Timestamp(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("not an ISO-8601 date-time: " + text, e);
            }
        }
    }

    /** The next representable instant: how a colliding write moves on without overwriting. */
    public Timestamp nextMicrosecond() {
        return new Timestamp(instant.plus(1, ChronoUnit.MICROS));
    }

    public boolean isAfter(Timestamp other) {
        return instant.isAfter(other.instant);
    }

    public static Timestamp latest(Timestamp a, Timestamp b) {
        return a.isAfter(b) ? a : b;
    }

    public String format() {
        return FIXED_WIDTH.format(instant);
    }

    @Override
    public int compareTo(Timestamp other) {
        return instant.compareTo(other.instant);
    }

    @Override
    public String toString() {
        return format();
    }
}
