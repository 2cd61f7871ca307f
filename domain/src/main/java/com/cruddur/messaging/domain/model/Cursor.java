package com.cruddur.messaging.domain.model;

import java.util.Objects;

/**
 * Where a page ends. Its text belongs to the store that issued it; clients get it back opaque and
 * a store rejects a cursor it cannot read.
 */
public record Cursor(String value) {
    public static final int MAX_LENGTH = 512;

    public Cursor {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a cursor has 1 to " + MAX_LENGTH + " characters");
        }
    }
}
