package com.cruddur.messaging.domain.model;

import java.util.Objects;
import java.util.UUID;

/** The id of one message: {@code message_uuid}. */
public record MessageId(UUID value) {
    public MessageId {
        Objects.requireNonNull(value, "value");
    }

    public static MessageId of(String uuid) {
        return new MessageId(UUID.fromString(uuid));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
