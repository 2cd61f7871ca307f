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
import com.cruddur.messaging.domain.model.UserId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The stream consumer's write: moves each member's {@code GRP} row of a group to a newer message.
 * The sort key is the last message's time, so a move is a new row and the old row's removal — done
 * without a transaction (which would cost twice), in an order that is safe to interrupt:
 * <ol>
 *   <li>put the new row, on condition that its key is free (a key taken by another of the owner's
 *       groups moves on by a microsecond, so nothing is overwritten);</li>
 *   <li>delete the older rows of the group, each on condition that it still belongs to the group.</li>
 * </ol>
 * Interrupted between the two, the owner has the group twice for a moment: readers show only its
 * newest row ({@link DynamoDbConversationStore#summaries}), and the next projection of the group — a
 * newer message, or the stream's retry or replay of this one — deletes the older row. A row never
 * goes back in time: a message no newer than the newest row moves nothing. A summary that is missing
 * altogether (its group's creation was interrupted) is written from the group's members.
 */
final class SummaryMover {
    private static final Logger LOG = LoggerFactory.getLogger(SummaryMover.class);

    private final TableClient table;
    private final Function<MessageGroupId, Optional<MessageGroup>> members;

    SummaryMover(TableClient table, Function<MessageGroupId, Optional<MessageGroup>> members) {
        this.table = table;
        this.members = members;
    }

    Projection project(Message message) {
        Map<UserId, List<GroupRow>> rowsByOwner = new LinkedHashMap<>();
        for (GroupRow row : rowsInIndex(message.groupId())) {
            rowsByOwner.computeIfAbsent(row.summary().owner(), owner -> new ArrayList<>()).add(row);
        }
        int moved = 0;
        int current = 0;
        for (List<GroupRow> rows : rowsByOwner.values()) {
            if (moveForward(rows, message)) {
                moved++;
            } else {
                current++;
            }
        }
        if (rowsByOwner.size() < 2) {
            // Only then are the members needed (and read, once per process): to find who has no row in the index.
            Optional<MessageGroup> group = members.apply(message.groupId());
            for (UserId owner : group.map(g -> g.members().stream().map(Profile::id)
                    .filter(member -> !rowsByOwner.containsKey(member)).toList()).orElse(List.of())) {
                if (completeOrMove(group.get(), owner, message)) {
                    moved++;
                } else {
                    current++;
                }
            }
        }
        return new Projection(moved, current);
    }

    /**
     * A member the index shows no row for: the index may lag behind the table (ask the table, strongly
     * consistent), or the group's creation was interrupted before this summary (write it).
     */
    private boolean completeOrMove(MessageGroup group, UserId owner, Message message) {
        List<GroupRow> rows = rowsInTable(owner, group.id());
        if (!rows.isEmpty()) {
            return moveForward(rows, message);
        }
        GroupSummary summary = new GroupSummary(owner, group.id(), group.otherThan(owner), message.text(), message.createdAt());
        putNew("project.complete", GroupRow.of(summary));
        return true;
    }

    /**
     * Moves the owner's summary to the message unless its newest row already shows that message or a
     * newer one, then removes the group's older rows of this owner. Returns whether it moved.
     */
    private boolean moveForward(List<GroupRow> rows, Message message) {
        GroupRow newest = newest(rows);
        boolean moves = newest.summary().isOlderThan(message);
        if (moves) {
            newest = putNew("project.move", GroupRow.of(newest.summary().movedTo(message)));
        }
        for (GroupRow row : rows) {
            if (row.equals(newest)) {
                continue;
            }
            boolean deleted = table.deleteIfOfGroup("project.delete", row.key(), message.groupId().toString());
            if (!deleted && moves) {
                // The row we moved from is gone: someone else moved it after the index was read, so the
                // table may hold a row the index does not show yet. Remove whatever is older than ours.
                deleteOlderThan(newest);
                break;
            }
        }
        return moves;
    }

    private void deleteOlderThan(GroupRow kept) {
        for (GroupRow row : rowsInTable(kept.summary().owner(), kept.summary().groupId())) {
            if (row.summary().lastMessageAt().compareTo(kept.summary().lastMessageAt()) < 0) {
                table.deleteIfOfGroup("project.delete", row.key(), kept.summary().groupId().toString());
            }
        }
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

    private static GroupRow newest(List<GroupRow> rows) {
        return rows.stream().max(Comparator.comparing(row -> row.summary().lastMessageAt())).orElseThrow();
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
