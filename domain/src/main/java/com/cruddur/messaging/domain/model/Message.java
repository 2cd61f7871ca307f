package com.cruddur.messaging.domain.model;

import java.util.Objects;

/**
 * A stored message. {@code text} is a plain string because messages written by the original were
 * never validated; only new messages go through {@link MessageText}.
 */
public record Message(MessageId id, MessageGroupId groupId, Profile sender, String text, Timestamp createdAt) {
    public Message {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
