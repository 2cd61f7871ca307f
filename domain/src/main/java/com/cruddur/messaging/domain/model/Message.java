package com.cruddur.messaging.domain.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A stored message. {@code text} is a plain string because messages written by the original were
 * never validated; only new messages go through {@link MessageText}.
 *
 * <p>Its sender may edit it ({@code editedAt}: the last edit) or delete it: a deleted message stays in
 * its place as a tombstone, its text erased ({@code ""}). Every revision is later than the one before
 * ({@link #nextRevisionAt}), so whoever sees two states of a message can tell which is newer, whatever
 * the clocks of the processes that made them.
 */
public record Message(MessageId id, MessageGroupId groupId, Profile sender, String text, Timestamp createdAt,
                      Optional<Timestamp> editedAt, Optional<Timestamp> deletedAt) {
    public static final String ERASED = "";

    public Message {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(editedAt, "editedAt");
        Objects.requireNonNull(deletedAt, "deletedAt");
        if (deletedAt.isPresent() && !text.isEmpty()) {
            throw new IllegalArgumentException("a deleted message keeps no text");
        }
    }

    /** A message as sent, never edited or deleted. */
    public Message(MessageId id, MessageGroupId groupId, Profile sender, String text, Timestamp createdAt) {
        this(id, groupId, sender, text, createdAt, Optional.empty(), Optional.empty());
    }

    /** Whether it was edited or deleted since it was sent. */
    public boolean isRevised() {
        return editedAt.isPresent() || deletedAt.isPresent();
    }

    public boolean isDeleted() {
        return deletedAt.isPresent();
    }

    /** When it last changed: its deletion, else its last edit, else its creation. */
    public Timestamp revisedAt() {
        return deletedAt.or(() -> editedAt).orElse(createdAt);
    }

    /** Whether this is a later state of the same message than {@code other}; a tombstone's later states are tombstones. */
    public boolean isRevisionOf(Message other) {
        return id.equals(other.id) && groupId.equals(other.groupId) && createdAt.equals(other.createdAt)
                && sender.id().equals(other.sender.id()) && revisedAt().isAfter(other.revisedAt())
                && (isDeleted() || !other.isDeleted());
    }

    /** The time of a revision made now: now, or just after the last one if a clock is behind. */
    public Timestamp nextRevisionAt(Timestamp now) {
        return Timestamp.latest(now, revisedAt().nextMicrosecond());
    }

    public Message edited(MessageText newText, Timestamp at) {
        if (isDeleted()) {
            throw new IllegalStateException("a deleted message cannot be edited");
        }
        return new Message(id, groupId, sender, newText.value(), createdAt, Optional.of(at), Optional.empty());
    }

    /**
     * The tombstone its sender's erasure leaves: in place, its text erased, and the copy of the sender's profile it
     * carries replaced by {@code erasedSender} (the same user, as {@link User#erased} shows them). Also made of a
     * message already deleted, whose tombstone still carried the sender's name.
     */
    public Message erasedAs(Profile erasedSender, Timestamp at) {
        if (!erasedSender.id().equals(sender.id())) {
            throw new IllegalArgumentException("a message is erased as its own sender");
        }
        return new Message(id, groupId, erasedSender, ERASED, createdAt, editedAt, Optional.of(at));
    }

    /** The tombstone: in place, its text erased. */
    public Message deleted(Timestamp at) {
        return new Message(id, groupId, sender, ERASED, createdAt, editedAt, Optional.of(at));
    }
}
