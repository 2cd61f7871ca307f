package com.cruddur.messaging.adapter.memory;

import com.cruddur.messaging.domain.error.ErrorCode;
import com.cruddur.messaging.domain.error.InvalidInputException;
import com.cruddur.messaging.domain.model.Cursor;
import com.cruddur.messaging.domain.model.GroupSummary;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.Timestamp;
import java.util.Optional;

/**
 * Where a summary sorts in a user's list: newest last message first, ties broken by group id; and the cursors of the
 * in-memory store's pages (a summary's position, a message's time), refused as {@code cursor_invalid} when unreadable.
 */
record SummaryPosition(Timestamp at, MessageGroupId group) implements Comparable<SummaryPosition> {
    static SummaryPosition of(GroupSummary summary) {
        return new SummaryPosition(summary.lastMessageAt(), summary.groupId());
    }

    static SummaryPosition of(Cursor cursor) {
        String[] parts = cursor.value().split("\\|", -1);
        Optional<MessageGroupId> group = parts.length == 2 ? MessageGroupId.parse(parts[1]) : Optional.empty();
        if (group.isEmpty() || parts[0].isEmpty()) {
            throw new InvalidInputException(ErrorCode.CURSOR_INVALID);
        }
        return new SummaryPosition(timestampOf(new Cursor(parts[0])), group.get());
    }

    /** A page of messages' cursor: the time of the last message shown. */
    static Timestamp timestampOf(Cursor cursor) {
        try {
            return Timestamp.parse(cursor.value());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(ErrorCode.CURSOR_INVALID);
        }
    }

    Cursor cursor() {
        return new Cursor(at.format() + "|" + group);
    }

    @Override
    public int compareTo(SummaryPosition other) {
        int byTime = other.at.compareTo(at);
        return byTime != 0 ? byTime : other.group.value().compareTo(group.value());
    }
}
