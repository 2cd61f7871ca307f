package com.cruddur.messaging.adapter.dynamodb.rooms;

import com.cruddur.messaging.adapter.dynamodb.items.GroupRow;
import com.cruddur.messaging.adapter.dynamodb.items.Tally;
import com.cruddur.messaging.domain.model.GroupSummary;
import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.ReadState;
import com.cruddur.messaging.domain.model.Timestamp;
import com.cruddur.messaging.domain.model.UserId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A summary row's read state (unread count, both markers) after new messages or moved markers. A row
 * counts on from what it has seen ({@link Tally}): each of the other member's messages after the owner's
 * marker that the tally has not counted is added, whether it is newer than the row or arrived late (sends
 * racing through several threads or instances reach the stream out of time order). Only a message older
 * than the tally's window (a replay of an old batch), or a marker that moves back past it, makes the count
 * be taken again from the table ({@link UnreadCounter}).
 */
public final class SummaryCounts {
    private final UnreadCounter counter;

    public SummaryCounts(UnreadCounter counter) {
        this.counter = counter;
    }

    /**
     * The row after these messages: the owner's marker moves to their own latest message (a sender has
     * read what they sent), the other's marker to the other's latest, and each of the other's messages
     * after the owner's marker that the row's tally has not counted is counted.
     */
    GroupRow counted(GroupRow row, List<Message> messages) {
        GroupSummary summary = row.summary();
        UserId owner = summary.owner();
        UserId other = summary.other().id();
        ReadState reads = summary.reads();
        Tally tally = row.tally();
        Optional<Timestamp> lastReadAt = ReadState.later(reads.lastReadAt(), latestFrom(owner, messages));
        Optional<Timestamp> otherLastReadAt = ReadState.later(reads.otherLastReadAt(), latestFrom(other, messages));
        Timestamp seen = Timestamp.latest(tally.upTo(), latest(messages).createdAt());
        // An edit or deletion of a message older than the tally's window is of a message counted when it came.
        List<Timestamp> fromOther = messages.stream().filter(message -> message.sender().id().equals(other))
                .filter(message -> tally.canPlace(message.createdAt()) || !message.isRevised())
                .map(Message::createdAt).distinct().toList();
        if (!fromOther.stream().allMatch(tally::canPlace)) {
            return recounted(row, lastReadAt, otherLastReadAt, seen);
        }
        List<Timestamp> newlyCounted = fromOther.stream().filter(at -> !tally.hasCounted(at))
                .filter(at -> reads.lastReadAt().map(at::isAfter).orElse(true)).toList();
        Tally next = tally.with(newlyCounted, seen);
        int unread;
        if (lastReadAt.equals(reads.lastReadAt())) {
            unread = reads.unreadCount() + newlyCounted.size();
        } else {
            // The owner sent a message, so has read everything before it: what stays unread is what came after.
            Optional<Integer> after = next.countedAfter(lastReadAt.orElseThrow());
            if (after.isEmpty()) {
                return recounted(row, lastReadAt, otherLastReadAt, seen);
            }
            unread = after.get();
        }
        return row.with(new ReadState(unread, lastReadAt, otherLastReadAt), next);
    }

    /**
     * The row with its markers raised to these (never lowered). When the owner's moved, what stays unread
     * is what the tally counted after it, or, if the tally's window does not reach back that far, the count
     * taken again from the table.
     */
    GroupRow raised(GroupRow row, Optional<Timestamp> lastReadAt, Optional<Timestamp> otherLastReadAt) {
        ReadState reads = row.summary().reads();
        Optional<Timestamp> mine = ReadState.later(reads.lastReadAt(), lastReadAt);
        Optional<Timestamp> theirs = ReadState.later(reads.otherLastReadAt(), otherLastReadAt);
        if (mine.equals(reads.lastReadAt()) && theirs.equals(reads.otherLastReadAt())) {
            return row;
        }
        if (mine.equals(reads.lastReadAt())) {
            return row.with(new ReadState(reads.unreadCount(), mine, theirs), row.tally());
        }
        Optional<Integer> after = row.tally().countedAfter(mine.orElseThrow());
        if (after.isPresent()) {
            return row.with(new ReadState(after.get(), mine, theirs), row.tally());
        }
        return recounted(row, mine, theirs, row.tally().upTo());
    }

    /** The group's messages from the other member after the owner's marker up to {@code upTo}, counted in the table. */
    int unreadFrom(UserId other, MessageGroupId group, Optional<Timestamp> lastReadAt, Timestamp upTo) {
        return counter.messagesFrom(other, group, lastReadAt, upTo);
    }

    static Message latest(List<Message> messages) {
        return messages.stream().max(Comparator.comparing(Message::createdAt)).orElseThrow();
    }

    static Optional<Timestamp> latestFrom(UserId sender, List<Message> messages) {
        return messages.stream().filter(message -> message.sender().id().equals(sender))
                .map(Message::createdAt).max(Comparator.naturalOrder());
    }

    /**
     * The row with its unread count taken again from the table after the owner's marker, up to what its tally
     * has seen; its tally starts afresh there.
     */
    private GroupRow recounted(GroupRow row, Optional<Timestamp> lastReadAt, Optional<Timestamp> otherLastReadAt,
                               Timestamp seen) {
        GroupSummary summary = row.summary();
        int unread = counter.messagesFrom(summary.other().id(), summary.groupId(), lastReadAt, seen);
        return row.with(new ReadState(unread, lastReadAt, otherLastReadAt), Tally.startingAt(seen));
    }
}
