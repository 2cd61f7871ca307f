package com.cruddur.messaging.adapter.dynamodb;

import static com.cruddur.messaging.adapter.dynamodb.Attributes.MESSAGE_GROUP_UUID;
import static com.cruddur.messaging.adapter.dynamodb.Attributes.PK;
import static com.cruddur.messaging.adapter.dynamodb.Attributes.s;

import com.cruddur.messaging.domain.application.port.out.Projection;
import com.cruddur.messaging.domain.model.GroupSummary;
import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.MessageGroup;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.Profile;
import com.cruddur.messaging.domain.model.ReadMarkers;
import com.cruddur.messaging.domain.model.ReadState;
import com.cruddur.messaging.domain.model.Timestamp;
import com.cruddur.messaging.domain.model.UserId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The stream consumer's writes to the {@code GRP} rows: moving each member's row to a newer message,
 * and keeping its read state (unread count, both markers) current.
 *
 * <p>The sort key is the last message's time, so a move is a new row and the old row's removal — done
 * without a transaction (which would cost twice), in an order that is safe to interrupt:
 * <ol>
 *   <li>put the new row, on condition that its key is free (a key taken by another of the owner's
 *       groups moves on by a microsecond, so nothing is overwritten);</li>
 *   <li>delete the older rows of the group, each on condition that it is unchanged since it was read
 *       ({@code rev}); one that changed meanwhile (a marker moved on it) passes its markers to the new
 *       row first.</li>
 * </ol>
 * Interrupted between the two, the owner has the group twice for a moment: readers show only its
 * newest row ({@link DynamoDbConversationStore#summaries}), and the next projection of the group — a
 * newer message, or the stream's retry or replay of this one — deletes the older row. A row never
 * goes back in time: a message no newer than the newest row moves nothing. A summary that is missing
 * altogether (its group's creation was interrupted) is written from the group's members.
 *
 * <p><b>Counting.</b> A row counts on from what it has seen ({@link Tally}): each of the other member's
 * messages after the owner's marker that the tally has not counted is added, whether it is newer than
 * the row or arrived late (sends racing through several threads or instances reach the stream out of
 * time order). Only a message older than the tally's window (a replay of an old batch), or a marker that
 * moves back past it, makes the count be taken again from the table ({@link UnreadCounter}). Changes in
 * place are conditional on {@code rev}, so a count is never written over a newer one.
 */
final class SummaryMover {
    private static final Logger LOG = LoggerFactory.getLogger(SummaryMover.class);
    /** Each retry means another writer changed the row in between; this many means something is wrong. */
    private static final int MAX_RETRIES = 20;

    private final TableClient table;
    private final Function<MessageGroupId, Optional<MessageGroup>> members;
    private final Function<MessageGroup, ReadMarkers> markers;
    private final UnreadCounter counter;

    SummaryMover(TableClient table, Function<MessageGroupId, Optional<MessageGroup>> members,
                 Function<MessageGroup, ReadMarkers> markers) {
        this.table = table;
        this.members = members;
        this.markers = markers;
        this.counter = new UnreadCounter(table);
    }

    Projection project(List<Message> messages) {
        MessageGroupId group = messages.get(0).groupId();
        Map<UserId, List<GroupRow>> rowsByOwner = byOwner(rowsInIndex(group));
        int moved = 0;
        int current = 0;
        for (List<GroupRow> rows : rowsByOwner.values()) {
            if (bringUp(rows, messages)) {
                moved++;
            } else {
                current++;
            }
        }
        if (rowsByOwner.size() < 2) {
            // Only then are the members needed (and read, once per process): to find who has no row in the index.
            Optional<MessageGroup> found = members.apply(group);
            for (UserId owner : found.map(g -> g.members().stream().map(Profile::id)
                    .filter(member -> !rowsByOwner.containsKey(member)).toList()).orElse(List.of())) {
                if (completeOrBringUp(found.get(), owner, messages)) {
                    moved++;
                } else {
                    current++;
                }
            }
        }
        return new Projection(moved, current);
    }

    /** Raises each member's markers on their newest row to the group's markers, counting again where one moved. */
    Projection projectReads(ReadMarkers moved) {
        int changed = 0;
        int current = 0;
        for (List<GroupRow> rows : byOwner(rowsInIndex(moved.group())).values()) {
            GroupRow newest = newest(rows);
            UnaryOperator<GroupRow> raise = row -> raised(row, moved.of(row.summary().owner()),
                    moved.of(row.summary().other().id()));
            for (int attempt = 0; attempt < MAX_RETRIES; attempt++) {
                Optional<GroupRow> result = change(newest, raise);
                if (result.isPresent()) {
                    if (result.get().rev() != newest.rev()) {
                        changed++;
                    } else {
                        current++;
                    }
                    break;
                }
                // The row moved on under us: find the one that replaced it (the index may not show it yet).
                List<GroupRow> now = rowsInTable(newest.summary().owner(), moved.group());
                if (now.isEmpty()) {
                    break;
                }
                newest = newest(now);
            }
        }
        return new Projection(changed, current);
    }

    /**
     * A member the index shows no row for: the index may lag behind the table (ask the table, strongly
     * consistent), or the group's creation was interrupted before this summary (write it).
     */
    private boolean completeOrBringUp(MessageGroup group, UserId owner, List<Message> messages) {
        List<GroupRow> rows = rowsInTable(owner, group.id());
        if (!rows.isEmpty()) {
            return bringUp(rows, messages);
        }
        Message latest = latest(messages);
        UserId other = group.otherThan(owner).id();
        ReadMarkers marked = markers.apply(group);
        Optional<Timestamp> lastReadAt = ReadState.later(marked.of(owner), latestFrom(owner, messages));
        ReadState reads = new ReadState(counter.messagesFrom(other, group.id(), lastReadAt), lastReadAt,
                ReadState.later(marked.of(other), latestFrom(other, messages)));
        GroupSummary summary = new GroupSummary(owner, group.id(), group.otherThan(owner), latest.text(),
                latest.createdAt(), reads);
        putNew("project.complete", GroupRow.of(summary));
        return true;
    }

    /**
     * Brings the owner's summary up to the messages: moves it to the newest unless its newest row already
     * shows that message or a newer one, counts what is unread, and removes the group's older rows of
     * this owner. Returns whether it moved.
     */
    private boolean bringUp(List<GroupRow> rows, List<Message> messages) {
        GroupRow newest = newest(rows);
        Message latest = latest(messages);
        boolean moves = newest.summary().isOlderThan(latest);
        if (!moves) {
            GroupRow kept = change(newest, row -> counted(row, messages)).orElse(newest);
            for (GroupRow row : rows) {
                if (!row.sk().equals(kept.sk())) {
                    removeInto(row, kept);
                }
            }
            return false;
        }
        GroupRow counted = counted(newest, messages);
        GroupRow target = putNew("project.move", new GroupRow(latest.createdAt().format(),
                counted.summary().movedTo(latest), counted.tally(), 0));
        for (GroupRow row : rows) {
            if (!removeInto(row, target)) {
                // The row we moved from is gone: someone else moved it after the index was read, so the
                // table may hold a row the index does not show yet. Remove whatever is older than ours.
                deleteOlderThan(target);
                break;
            }
        }
        return true;
    }

    /**
     * Deletes a row the target replaces, on condition that it is unchanged since read; a marker that moved
     * on it meanwhile is carried to the target first. Returns false if the row was gone.
     */
    private boolean removeInto(GroupRow row, GroupRow target) {
        GroupRow current = row;
        for (int attempt = 0; attempt < MAX_RETRIES; attempt++) {
            var deleted = table.deleteIf("project.delete", current.key(), unchanged(current),
                    unchangedValues(current));
            if (deleted.done()) {
                return true;
            }
            if (deleted.item().isEmpty()) {
                return false;
            }
            current = GroupRow.from(deleted.item());
            ReadState carried = current.summary().reads();
            change(target, kept -> raised(kept, carried.lastReadAt(), carried.otherLastReadAt()));
        }
        throw DynamoDbFailures.gaveUp("remove the summary row " + row.key());
    }

    private void deleteOlderThan(GroupRow kept) {
        for (GroupRow row : rowsInTable(kept.summary().owner(), kept.summary().groupId())) {
            if (row.summary().lastMessageAt().compareTo(kept.summary().lastMessageAt()) < 0) {
                removeInto(row, kept);
            }
        }
    }

    /**
     * The row after these messages: the owner's marker moves to their own latest message (a sender has
     * read what they sent), the other's marker to the other's latest, and each of the other's messages
     * after the owner's marker that the row's {@link Tally} has not counted is counted. A message the
     * tally cannot place (older than its window: a replay of an old batch) makes the count be taken again
     * from the table.
     */
    private GroupRow counted(GroupRow row, List<Message> messages) {
        GroupSummary summary = row.summary();
        UserId owner = summary.owner();
        UserId other = summary.other().id();
        ReadState reads = summary.reads();
        Tally tally = row.tally();
        Optional<Timestamp> lastReadAt = ReadState.later(reads.lastReadAt(), latestFrom(owner, messages));
        Optional<Timestamp> otherLastReadAt = ReadState.later(reads.otherLastReadAt(), latestFrom(other, messages));
        Timestamp seen = Timestamp.latest(tally.upTo(), latest(messages).createdAt());
        List<Timestamp> fromOther = messages.stream().filter(message -> message.sender().id().equals(other))
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
        return new GroupRow(row.sk(), summary.with(new ReadState(unread, lastReadAt, otherLastReadAt)), next,
                row.rev());
    }

    /**
     * The row with its markers raised to these (never lowered). When the owner's moved, what stays unread
     * is what the tally counted after it, or, if the tally's window does not reach back that far, the count
     * taken again from the table.
     */
    private GroupRow raised(GroupRow row, Optional<Timestamp> lastReadAt, Optional<Timestamp> otherLastReadAt) {
        ReadState reads = row.summary().reads();
        Optional<Timestamp> mine = ReadState.later(reads.lastReadAt(), lastReadAt);
        Optional<Timestamp> theirs = ReadState.later(reads.otherLastReadAt(), otherLastReadAt);
        if (mine.equals(reads.lastReadAt()) && theirs.equals(reads.otherLastReadAt())) {
            return row;
        }
        if (mine.equals(reads.lastReadAt())) {
            return new GroupRow(row.sk(), row.summary().with(new ReadState(reads.unreadCount(), mine, theirs)),
                    row.tally(), row.rev());
        }
        Optional<Integer> after = row.tally().countedAfter(mine.orElseThrow());
        if (after.isPresent()) {
            return new GroupRow(row.sk(), row.summary().with(new ReadState(after.get(), mine, theirs)), row.tally(),
                    row.rev());
        }
        return recounted(row, mine, theirs, row.tally().upTo());
    }

    /** The row with its unread count taken again from the table after the owner's marker; its tally starts afresh. */
    private GroupRow recounted(GroupRow row, Optional<Timestamp> lastReadAt, Optional<Timestamp> otherLastReadAt,
                               Timestamp seen) {
        GroupSummary summary = row.summary();
        int unread = counter.messagesFrom(summary.other().id(), summary.groupId(), lastReadAt);
        return new GroupRow(row.sk(), summary.with(new ReadState(unread, lastReadAt, otherLastReadAt)),
                Tally.startingAt(seen), row.rev());
    }

    /**
     * Updates a row in place to what {@code next} makes of it, on condition that nobody changed it since it
     * was read; if somebody did, {@code next} is applied to the row as it is now. Returns the row as
     * written (or unchanged), or nothing if the row is gone.
     */
    private Optional<GroupRow> change(GroupRow row, UnaryOperator<GroupRow> next) {
        GroupRow current = row;
        for (int attempt = 0; attempt < MAX_RETRIES; attempt++) {
            GroupRow wanted = next.apply(current);
            if (wanted.summary().reads().equals(current.summary().reads()) && wanted.tally().equals(current.tally())) {
                return Optional.of(current);
            }
            Map<String, AttributeValue> values = new HashMap<>(unchangedValues(current));
            StringBuilder update = new StringBuilder("SET " + GroupRow.REV + " = :next");
            values.put(":next", AttributeValue.fromN(Long.toString(current.rev() + 1)));
            GroupRow.readAttributes(wanted.summary().reads(), wanted.tally()).forEach((name, value) -> {
                update.append(", ").append(name).append(" = :").append(name);
                values.put(":" + name, value);
            });
            var written = table.updateIf("project.reads", current.key(), update.toString(), unchanged(current), values);
            if (written.done()) {
                return Optional.of(GroupRow.from(written.item()));
            }
            if (written.item().isEmpty()) {
                return Optional.empty();
            }
            current = GroupRow.from(written.item());
        }
        throw DynamoDbFailures.gaveUp("update the summary row " + row.key());
    }

    /** The condition that a row still belongs to its group and is as it was read. */
    private static String unchanged(GroupRow row) {
        return MESSAGE_GROUP_UUID + " = :group AND "
                + (row.rev() == 0 ? "(attribute_not_exists(" + GroupRow.REV + ") OR " + GroupRow.REV + " = :rev)"
                : GroupRow.REV + " = :rev");
    }

    private static Map<String, AttributeValue> unchangedValues(GroupRow row) {
        return Map.of(":group", s(row.summary().groupId().toString()),
                ":rev", AttributeValue.fromN(Long.toString(row.rev())));
    }

    /**
     * Writes a summary row at its time, or a microsecond on while another group's row of the owner has
     * that key. A row of the same group there is this very summary (a group's messages have distinct
     * times), written by a racing or earlier projection: writing it again changes nothing.
     */
    GroupRow putNew(String operation, GroupRow row) {
        GroupRow target = row;
        String group = row.summary().groupId().toString();
        for (int attempt = 0; attempt < DynamoDbConversationStore.MAX_ATTEMPTS; attempt++) {
            if (table.putUnlessOfAnotherGroup(operation, target.item(), group)) {
                return target;
            }
            target = target.at(target.summary().lastMessageAt().nextMicrosecond());
        }
        throw DynamoDbFailures.gaveUp("write the summary of " + row.summary().owner());
    }

    /** The group's summaries as the GSI shows them (eventually consistent, as GSIs are). */
    List<GroupRow> rowsInIndex(MessageGroupId group) {
        return readable(table.queryAll("project.index", query -> query
                .indexName(MessagesTable.GROUP_INDEX)
                .keyConditionExpression(MESSAGE_GROUP_UUID + " = :group")
                .expressionAttributeValues(Map.of(":group", s(group.toString())))));
    }

    /**
     * The owner's rows of the group, read from the table itself (strongly consistent: the index may
     * lag behind it). It reads the owner's whole partition, so it is only asked when the index fell short.
     */
    private List<GroupRow> rowsInTable(UserId owner, MessageGroupId group) {
        return readable(table.queryAll("project.row", query -> query
                .keyConditionExpression(PK + " = :pk")
                .filterExpression(MESSAGE_GROUP_UUID + " = :group")
                .expressionAttributeValues(Map.of(":pk", s(GroupRow.pk(owner)), ":group", s(group.toString())))
                .consistentRead(true)));
    }

    private static Map<UserId, List<GroupRow>> byOwner(List<GroupRow> rows) {
        Map<UserId, List<GroupRow>> byOwner = new LinkedHashMap<>();
        for (GroupRow row : rows) {
            byOwner.computeIfAbsent(row.summary().owner(), owner -> new ArrayList<>()).add(row);
        }
        return byOwner;
    }

    private static GroupRow newest(List<GroupRow> rows) {
        return rows.stream().max(Comparator.comparing(row -> row.summary().lastMessageAt())).orElseThrow();
    }

    private static Message latest(List<Message> messages) {
        return messages.stream().max(Comparator.comparing(Message::createdAt)).orElseThrow();
    }

    private static Optional<Timestamp> latestFrom(UserId sender, List<Message> messages) {
        return messages.stream().filter(message -> message.sender().id().equals(sender))
                .map(Message::createdAt).max(Comparator.naturalOrder());
    }

    private static List<GroupRow> readable(List<Map<String, AttributeValue>> items) {
        List<GroupRow> rows = new ArrayList<>();
        for (Map<String, AttributeValue> item : items) {
            try {
                rows.add(GroupRow.from(item));
            } catch (MalformedItemException e) {
                LOG.warn("skipping a group summary the store cannot read: {}", e.getMessage());
            }
        }
        return rows;
    }
}
