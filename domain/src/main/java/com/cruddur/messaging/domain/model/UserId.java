package com.cruddur.messaging.domain.model;

import java.util.Objects;
import java.util.UUID;

/** A user's id: {@code users.uuid} in PostgreSQL, {@code user_uuid} in DynamoDB items. */
public record UserId(UUID value) {
    public UserId {
        Objects.requireNonNull(value, "value");
    }

    public static UserId of(String uuid) {
        return new UserId(UUID.fromString(uuid));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
