package com.cruddur.messaging.domain.model;

import java.util.Objects;
import java.util.Optional;

/**
 * What one member of a group has read: how many of the other member's messages came after their
 * read marker, where that marker is, and where the other member's marker is ("seen").
 *
 * @param unreadCount the other member's messages after {@code lastReadAt}; stores count exactly up to
 *                    {@link #COUNTED_MAX} and may stop there
 */
public record ReadState(int unreadCount, Optional<Timestamp> lastReadAt, Optional<Timestamp> otherLastReadAt) {
    /** Clients are told exact counts up to this; beyond it they are shown this. */
    public static final int SHOWN_MAX = 999;
    /** Counting further than this is never needed to tell "999" from "more". */
    public static final int COUNTED_MAX = SHOWN_MAX + 1;
    /** Nothing known: a summary the original wrote, with no markers. */
    public static final ReadState NONE = new ReadState(0, Optional.empty(), Optional.empty());

    public ReadState {
        if (unreadCount < 0) {
            throw new IllegalArgumentException("an unread count is never negative");
        }
        Objects.requireNonNull(lastReadAt, "lastReadAt");
        Objects.requireNonNull(otherLastReadAt, "otherLastReadAt");
    }

    public int shownUnreadCount() {
        return Math.min(unreadCount, SHOWN_MAX);
    }

    /** Of a group's first message, for its sender (who has read it) and its receiver (who has not). */
    public static ReadState ofFirstMessage(Message first, UserId owner) {
        return first.sender().id().equals(owner)
                ? new ReadState(0, Optional.of(first.createdAt()), Optional.empty())
                : new ReadState(1, Optional.empty(), Optional.of(first.createdAt()));
    }

    /** A marker only ever moves forward. */
    public static Optional<Timestamp> later(Optional<Timestamp> marker, Optional<Timestamp> candidate) {
        if (marker.isEmpty()) {
            return candidate;
        }
        if (candidate.isEmpty()) {
            return marker;
        }
        return Optional.of(Timestamp.latest(marker.get(), candidate.get()));
    }
}
