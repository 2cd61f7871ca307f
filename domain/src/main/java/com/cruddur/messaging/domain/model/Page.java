package com.cruddur.messaging.domain.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One page of items in the order the use case defines, and the cursor of the next page if there is one. */
public record Page<T>(List<T> items, Optional<Cursor> next) {
    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(next, "next");
    }

    public static <T> Page<T> last(List<T> items) {
        return new Page<>(items, Optional.empty());
    }

}
