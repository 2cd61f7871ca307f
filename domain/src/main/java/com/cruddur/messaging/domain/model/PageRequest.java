package com.cruddur.messaging.domain.model;

import com.cruddur.messaging.domain.error.ErrorCode;
import com.cruddur.messaging.domain.error.InvalidInputException;
import java.util.ArrayList;
import java.util.Objects;
import java.util.Optional;

/** Which page to read: at most {@code limit} items, continuing after {@code cursor} when given. */
public record PageRequest(int limit, Optional<Cursor> cursor) {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public PageRequest {
        Objects.requireNonNull(cursor, "cursor");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be within 1.." + MAX_LIMIT);
        }
    }

    public static PageRequest first(int limit) {
        return new PageRequest(limit, Optional.empty());
    }

    public static PageRequest firstPage() {
        return first(DEFAULT_LIMIT);
    }

    public PageRequest after(Cursor next) {
        return new PageRequest(limit, Optional.of(next));
    }

    /** From client input: a missing limit means the default, a missing or empty cursor the first page. */
    public static PageRequest of(Integer limit, String cursor) {
        var errors = new ArrayList<ErrorCode>();
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            errors.add(ErrorCode.LIMIT_INVALID);
        }
        boolean hasCursor = cursor != null && !cursor.isEmpty();
        if (hasCursor && cursor.length() > Cursor.MAX_LENGTH) {
            errors.add(ErrorCode.CURSOR_INVALID);
        }
        InvalidInputException.throwIfAny(errors);
        return new PageRequest(limit == null ? DEFAULT_LIMIT : limit,
                hasCursor ? Optional.of(new Cursor(cursor)) : Optional.empty());
    }
}
