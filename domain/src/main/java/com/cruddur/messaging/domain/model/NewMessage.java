package com.cruddur.messaging.domain.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A message about to be stored. {@code proposedAt} is the sender's clock; the store may move it
 * later so that times stay unique and increasing within the group. With a {@code clientId}, the store
 * keeps the message at most once per sender and id (see {@code ConversationStore}).
 */
public record NewMessage(MessageId id, Profile sender, MessageText text, Timestamp proposedAt,
                         Optional<ClientMessageId> clientId) {
    public NewMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(proposedAt, "proposedAt");
        Objects.requireNonNull(clientId, "clientId");
    }

    /** A send the client gave no id: a retry of it stores it again. */
    public NewMessage(MessageId id, Profile sender, MessageText text, Timestamp proposedAt) {
        this(id, sender, text, proposedAt, Optional.empty());
    }

    public Message storedIn(MessageGroupId groupId, Timestamp createdAt) {
        return new Message(id, groupId, sender, text.value(), createdAt);
    }
}
