package com.cruddur.messaging.domain.model;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** The id of a 1:1 conversation: {@code message_group_uuid}. */
public record MessageGroupId(UUID value) {
    public MessageGroupId {
        Objects.requireNonNull(value, "value");
    }

    public static MessageGroupId of(String uuid) {
        return new MessageGroupId(UUID.fromString(uuid));
    }

    /** Parses client input; anything that is not a canonical UUID is empty. */
    public static Optional<MessageGroupId> parse(String raw) {
        return Uuids.parse(raw).map(MessageGroupId::new);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
