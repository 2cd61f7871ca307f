package com.cruddur.messaging.domain.model;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** The id of one message: {@code message_uuid}. */
public record MessageId(UUID value) {
    public MessageId {
        Objects.requireNonNull(value, "value");
    }

    public static MessageId of(String uuid) {
        return new MessageId(UUID.fromString(uuid));
    }

    /** A message id from client input, if it is a UUID. */
    public static Optional<MessageId> parse(String raw) {
        return Uuids.parse(raw).map(MessageId::new);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
