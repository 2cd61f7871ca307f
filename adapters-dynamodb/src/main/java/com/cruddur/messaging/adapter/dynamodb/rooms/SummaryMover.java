package com.cruddur.messaging.adapter.dynamodb.rooms;

import static com.cruddur.messaging.adapter.dynamodb.rooms.SummaryCounts.latest;
import static com.cruddur.messaging.adapter.dynamodb.rooms.SummaryCounts.latestFrom;
import static com.cruddur.messaging.adapter.dynamodb.rooms.SummaryRows.byOwner;
import static com.cruddur.messaging.adapter.dynamodb.rooms.SummaryRows.newest;

import com.cruddur.messaging.adapter.dynamodb.DynamoDbConversationStore;
import com.cruddur.messaging.adapter.dynamodb.items.GroupRow;
import com.cruddur.messaging.adapter.dynamodb.table.DynamoDbFailures;
import com.cruddur.messaging.domain.application.port.out.Projection;
import com.cruddur.messaging.domain.model.GroupSummary;
import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.MessageGroup;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.MessageId;
import com.cruddur.messaging.domain.model.Profile;
import com.cruddur.messaging.domain.model.ReadMarkers;
import com.cruddur.messaging.domain.model.ReadState;
import com.cruddur.messaging.domain.model.Timestamp;
import com.cruddur.messaging.domain.model.UserId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The stream consumer's writes to the {@code GRP} rows: moving each member's row to a newer message,
 * and keeping its read state current ({@link SummaryCounts}).
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
 * altogether (its group's creation was interrupted) is written from the group's members — unless the member's data
 * was erased, which removed it on purpose (the members record, read again then, says so). Changes in
 * place are conditional on {@code rev}, so a count is never written over a newer one.
 *
 * <p>An edit or a deletion comes as a later state of a message ({@code MODIFY} records): a row showing that
 * message takes its text in place (the tombstone's is empty), and a row showing a later state, or another
 * message, keeps what it shows — a replayed earlier state never brings back an edited or deleted text.
 */
public final class SummaryMover {
    private final SummaryRows rows;
    private final SummaryCounts counts;
    private final Function<MessageGroupId, Optional<MessageGroup>> members;
    private final Function<MessageGroupId, Optional<MessageGroup>> membersAsStored;
    private final Function<MessageGroup, ReadMarkers> markers;

    /**
     * @param members         a group's members as this process remembers them
     * @param membersAsStored as the store holds them now (their profiles' copies change when a member is erased)
     */
    public SummaryMover(SummaryRows rows, SummaryCounts counts, Function<MessageGroupId, Optional<MessageGroup>> members,
                        Function<MessageGroupId, Optional<MessageGroup>> membersAsStored,
                        Function<MessageGroup, ReadMarkers> markers) {
        this.rows = rows;
        this.counts = counts;
        this.members = members;
        this.membersAsStored = membersAsStored;
        this.markers = markers;
    }

    public Projection project(List<Message> states) {
        List<Message> messages = latestStates(states);
        MessageGroupId group = messages.get(0).groupId();
        Map<UserId, List<GroupRow>> rowsByOwner = byOwner(rows.inIndex(group));
        int moved = 0;
        int current = 0;
        for (List<GroupRow> owned : rowsByOwner.values()) {
            if (bringUp(owned, messages)) {
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
    public Projection projectReads(ReadMarkers moved) {
        int changed = 0;
        int current = 0;
        for (List<GroupRow> owned : byOwner(rows.inIndex(moved.group())).values()) {
            GroupRow newest = newest(owned);
            UnaryOperator<GroupRow> raise = row -> counts.raised(row, moved.of(row.summary().owner()),
                    moved.of(row.summary().other().id()));
            for (int attempt = 0; attempt < SummaryRows.MAX_RETRIES; attempt++) {
                Optional<GroupRow> result = rows.change(newest, raise);
                if (result.isPresent()) {
                    if (result.get().rev() != newest.rev()) {
                        changed++;
                    } else {
                        current++;
                    }
                    break;
                }
                // The row moved on under us: find the one that replaced it (the index may not show it yet).
                List<GroupRow> now = rows.inTable(newest.summary().owner(), moved.group());
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
        List<GroupRow> owned = rows.inTable(owner, group.id());
        if (!owned.isEmpty()) {
            return bringUp(owned, messages);
        }
        // A member whose data was erased has no summary on purpose: it is not written back. What this process
        // remembers may predate the erasure, so the members record is read again before a summary is written; once
        // read, it is remembered, and later messages of the group ask nothing more.
        if (isErased(group, owner) || membersAsStored.apply(group.id()).map(stored -> isErased(stored, owner))
                .orElse(true)) {
            return false;
        }
        Message latest = latest(messages);
        UserId other = group.otherThan(owner).id();
        ReadMarkers marked = markers.apply(group);
        Optional<Timestamp> lastReadAt = ReadState.later(marked.of(owner), latestFrom(owner, messages));
        ReadState reads = new ReadState(counts.unreadFrom(other, group.id(), lastReadAt, latest.createdAt()), lastReadAt,
                ReadState.later(marked.of(other), latestFrom(other, messages)));
        GroupSummary summary = new GroupSummary(owner, group.id(), group.otherThan(owner), latest.text(),
                latest.createdAt(), reads);
        rows.putNew("project.complete", GroupRow.of(summary, latest));
        return true;
    }

    private static boolean isErased(MessageGroup group, UserId member) {
        return group.members().stream().anyMatch(profile -> profile.id().equals(member) && profile.isErased());
    }

    /**
     * Brings the owner's summary up to the messages: moves it to the newest unless its newest row already
     * shows that message or a newer one, counts what is unread, and removes the group's older rows of
     * this owner. Returns whether it moved.
     */
    private boolean bringUp(List<GroupRow> owned, List<Message> messages) {
        GroupRow newest = newest(owned);
        Message latest = latest(messages);
        boolean moves = newest.summary().isOlderThan(latest);
        if (!moves) {
            GroupRow kept = rows.change(newest, row -> revised(counts.counted(row, messages), messages)).orElse(newest);
            for (GroupRow row : owned) {
                if (!row.sk().equals(kept.sk())) {
                    removeInto(row, kept);
                }
            }
            return false;
        }
        GroupRow counted = counts.counted(newest, messages);
        GroupRow target = rows.putNew("project.move", new GroupRow(latest.createdAt().format(),
                counted.summary().movedTo(latest), counted.tally(), 0, GroupRow.Shown.of(latest)));
        for (GroupRow row : owned) {
            if (!removeInto(row, target)) {
                // The row we moved from is gone: someone else moved it after the index was read, so the
                // table may hold a row the index does not show yet. Remove whatever is older than ours.
                deleteOlderThan(target);
                break;
            }
        }
        return true;
    }

    /** The row showing the later state of its message (its edit or deletion), if one is among the messages. */
    private static GroupRow revised(GroupRow row, List<Message> messages) {
        return messages.stream().filter(message -> row.shown().isOutdatedBy(message, row.summary().lastMessageAt()))
                .findFirst().map(row::showing).orElse(row);
    }

    /** Each message once, in the latest of its states the batch holds (a stream has its insert, then its edits). */
    private static List<Message> latestStates(List<Message> states) {
        Map<MessageId, Message> latest = new LinkedHashMap<>();
        states.forEach(state -> latest.merge(state.id(), state, (a, b) -> b.revisedAt().isAfter(a.revisedAt()) ? b : a));
        return List.copyOf(latest.values());
    }

    /**
     * Deletes a row the target replaces, on condition that it is unchanged since read; a marker that moved
     * on it meanwhile is carried to the target first. Returns false if the row was gone.
     */
    private boolean removeInto(GroupRow row, GroupRow target) {
        GroupRow current = row;
        for (int attempt = 0; attempt < SummaryRows.MAX_RETRIES; attempt++) {
            var deleted = rows.deleteIfUnchanged(current);
            if (deleted.done()) {
                return true;
            }
            if (deleted.item().isEmpty()) {
                return false;
            }
            current = GroupRow.from(deleted.item());
            ReadState carried = current.summary().reads();
            rows.change(target, kept -> counts.raised(kept, carried.lastReadAt(), carried.otherLastReadAt()));
        }
        throw DynamoDbFailures.gaveUp("remove the summary row " + row.key());
    }

    private void deleteOlderThan(GroupRow kept) {
        for (GroupRow row : rows.inTable(kept.summary().owner(), kept.summary().groupId())) {
            if (row.summary().lastMessageAt().compareTo(kept.summary().lastMessageAt()) < 0) {
                removeInto(row, kept);
            }
        }
    }
}
