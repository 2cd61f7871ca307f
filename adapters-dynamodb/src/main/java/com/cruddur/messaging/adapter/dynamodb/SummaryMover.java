package com.cruddur.messaging.adapter.dynamodb;

import static com.cruddur.messaging.adapter.dynamodb.Attributes.MESSAGE_GROUP_UUID;
import static com.cruddur.messaging.adapter.dynamodb.Attributes.PK;
import static com.cruddur.messaging.adapter.dynamodb.Attributes.s;

import com.cruddur.messaging.domain.application.port.out.Projection;
import com.cruddur.messaging.domain.error.StoreUnavailableException;
import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.MessageGroup;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.Profile;
import com.cruddur.messaging.domain.model.Timestamp;
import com.cruddur.messaging.domain.model.UserId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The stream consumer's write: moves each member's {@code GRP} row of a group to a newer message.
 * A move deletes the old row and puts the new one in one transaction, each on a condition, so it
 * never half-happens, never goes back in time and never overwrites another group's row.
 */
final class SummaryMover {
    private static final Logger LOG = LoggerFactory.getLogger(SummaryMover.class);

    private final TableClient table;
    private final Function<MessageGroupId, Optional<MessageGroup>> membersRecord;

    SummaryMover(TableClient table, Function<MessageGroupId, Optional<MessageGroup>> membersRecord) {
        this.table = table;
        this.membersRecord = membersRecord;
    }

    Projection project(Message message) {
        MessageGroupId group = message.groupId();
        List<GroupRow> indexed = rowsInIndex(group);
        Optional<MessageGroup> members = membersRecord.apply(group);
        Set<UserId> owners = new LinkedHashSet<>();
        members.ifPresent(known -> known.members().stream().map(Profile::id).forEach(owners::add));
        indexed.forEach(row -> owners.add(row.summary().owner()));
        int moved = 0;
        int current = 0;
        for (UserId owner : owners) {
            Optional<GroupRow> row = newest(indexed.stream().filter(r -> r.summary().owner().equals(owner)).toList());
            if (row.isEmpty()) {
                // The GSI lags behind the table: ask the table itself.
                row = rowOf(owner, group);
            }
            if (row.isEmpty()) {
                throw notYetVisible(owner, group);
            }
            if (moveForward(row.get(), message)) {
                moved++;
            } else {
                current++;
            }
        }
        return new Projection(moved, current);
    }

    /** The group's summaries as the GSI shows them (eventually consistent, as GSIs are). */
    List<GroupRow> rowsInIndex(MessageGroupId group) {
        return readable(table.queryAll("project.index", query -> query
                .indexName(MessagesTable.GROUP_INDEX)
                .keyConditionExpression(MESSAGE_GROUP_UUID + " = :group")
                .expressionAttributeValues(Map.of(":group", s(group.toString())))));
    }

    /**
     * Moves one summary to the message unless it already shows that message or a newer one.
     * Returns whether it moved.
     */
    private boolean moveForward(GroupRow row, Message message) {
        GroupRow current = row;
        Timestamp at = message.createdAt();
        for (int attempt = 0; attempt < DynamoDbConversationStore.MAX_ATTEMPTS; attempt++) {
            if (!current.summary().isOlderThan(message)) {
                return false;
            }
            GroupRow target = GroupRow.of(current.summary().movedTo(message)).at(at);
            try {
                table.transact("project.move", List.of(
                        table.deleteIfOfGroup(current.key(), message.groupId().toString()),
                        table.putIfAbsent(target.item())));
                return true;
            } catch (TransactionCanceledException e) {
                List<String> reasons = Transactions.reasons(e);
                Transactions.retryOrThrow(reasons, e);
                if (Transactions.failed(reasons, 0)) {
                    // Someone moved this summary since we read it: start again from where it is now.
                    UserId owner = current.summary().owner();
                    current = rowOf(owner, message.groupId()).orElseThrow(() -> notYetVisible(owner, message.groupId()));
                } else if (Transactions.failed(reasons, 1)) {
                    // Another of the owner's summaries sits at this sort key: take the next microsecond.
                    at = at.nextMicrosecond();
                }
            }
        }
        throw Transactions.gaveUp("move the summary of " + current.summary().owner());
    }

    /** The owner's newest summary of the group, read from the table (strongly consistent). */
    private Optional<GroupRow> rowOf(UserId owner, MessageGroupId group) {
        return newest(readable(table.queryAll("project.row", query -> query
                .keyConditionExpression(PK + " = :pk")
                .filterExpression(MESSAGE_GROUP_UUID + " = :group")
                .expressionAttributeValues(Map.of(":pk", s(GroupRow.pk(owner)), ":group", s(group.toString())))
                .consistentRead(true))));
    }

    private static Optional<GroupRow> newest(List<GroupRow> rows) {
        return rows.stream().max(Comparator.comparing(row -> row.summary().lastMessageAt()));
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

    private static StoreUnavailableException notYetVisible(UserId owner, MessageGroupId group) {
        return new StoreUnavailableException(DynamoDbFailures.STORE,
                new IllegalStateException("the summary of " + owner + " for group " + group + " is not visible yet"));
    }
}
