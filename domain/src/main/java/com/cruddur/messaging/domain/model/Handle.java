package com.cruddur.messaging.domain.model;

import java.util.Locale;
import java.util.Objects;

/**
 * A user's public handle, e.g. {@code andrewbrown}. Stored as written; compared case-insensitively,
 * because the directory treats {@code Bayko} and {@code bayko} as the same user.
 */
public record Handle(String value) {
    public Handle {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a handle is never blank");
        }
    }

    /** The form used for case-insensitive lookups and uniqueness. */
    public String key() {
        return value.toLowerCase(Locale.ROOT);
    }

    public boolean sameAs(Handle other) {
        return key().equals(other.key());
    }

    @Override
    public String toString() {
        return value;
    }
}
