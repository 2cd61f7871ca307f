package com.cruddur.messaging.domain.model;

import java.util.Objects;

/**
 * A message about to be stored. {@code proposedAt} is the sender's clock; the store may move it
 * later so that times stay unique and increasing within the group.
 */
public record NewMessage(MessageId id, Profile sender, MessageText text, Timestamp proposedAt) {
    public NewMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(proposedAt, "proposedAt");
    }

    public Message storedIn(MessageGroupId groupId, Timestamp createdAt) {
        return new Message(id, groupId, sender, text.value(), createdAt);
    }
}
