package com.cruddur.messaging.domain.model;

import java.util.Objects;

/**
 * The two members of a conversation, in a fixed order so that (a, b) and (b, a) are the same pair.
 * The order is that of the ids' canonical text, which is also how PostgreSQL and DynamoDB order
 * them ({@link java.util.UUID#compareTo} compares signed numbers and would disagree).
 */
public record UserPair(UserId low, UserId high) {
    public UserPair {
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(high, "high");
        if (low.toString().compareTo(high.toString()) >= 0) {
            throw new IllegalArgumentException("a pair holds two different users, lower id first");
        }
    }

    public static UserPair of(UserId a, UserId b) {
        return a.toString().compareTo(b.toString()) < 0 ? new UserPair(a, b) : new UserPair(b, a);
    }

    public boolean contains(UserId user) {
        return low.equals(user) || high.equals(user);
    }

    /** A stable text form, e.g. for a uniqueness record keyed by the pair. */
    public String key() {
        return low + "#" + high;
    }
}
