package com.cruddur.messaging.adapter.dynamodb.rooms;

import static com.cruddur.messaging.adapter.dynamodb.table.Attributes.MESSAGE_GROUP_UUID;
import static com.cruddur.messaging.adapter.dynamodb.table.Attributes.PK;
import static com.cruddur.messaging.adapter.dynamodb.table.Attributes.USER_DISPLAY_NAME;
import static com.cruddur.messaging.adapter.dynamodb.table.Attributes.USER_HANDLE;
import static com.cruddur.messaging.adapter.dynamodb.table.Attributes.s;

import com.cruddur.messaging.adapter.dynamodb.items.GroupRow;
import com.cruddur.messaging.adapter.dynamodb.table.DynamoDbFailures;
import com.cruddur.messaging.adapter.dynamodb.table.MalformedItemException;
import com.cruddur.messaging.adapter.dynamodb.table.MessagesTable;
import com.cruddur.messaging.adapter.dynamodb.table.TableClient;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.Profile;
import com.cruddur.messaging.domain.model.UserId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The {@code GRP} rows as written and read: every write is conditional — a new row never over another
 * group's row, a change or removal only of a row unchanged since it was read ({@code rev}) — and a row
 * the store cannot read is skipped, not fatal.
 */
public final class SummaryRows {
    private static final Logger LOG = LoggerFactory.getLogger(SummaryRows.class);
    /** Each retry means another writer changed the row in between; this many means something is wrong. */
    static final int MAX_RETRIES = 20;

    private final TableClient table;

    public SummaryRows(TableClient table) {
        this.table = table;
    }

    /** The group's summaries as the GSI shows them (eventually consistent, as GSIs are). */
    List<GroupRow> inIndex(MessageGroupId group) {
        return readable(table.queryAll("project.index", query -> query
                .indexName(MessagesTable.GROUP_INDEX)
                .keyConditionExpression(MESSAGE_GROUP_UUID + " = :group")
                .expressionAttributeValues(Map.of(":group", s(group.toString())))));
    }

    /**
     * The owner's rows of the group, read from the table itself (strongly consistent: the index may
     * lag behind it). It reads the owner's whole partition, so it is only asked when the index fell short.
     */
    List<GroupRow> inTable(UserId owner, MessageGroupId group) {
        return readable(table.queryAll("project.row", query -> query
                .keyConditionExpression(PK + " = :pk")
                .filterExpression(MESSAGE_GROUP_UUID + " = :group")
                .expressionAttributeValues(Map.of(":pk", s(GroupRow.pk(owner)), ":group", s(group.toString())))
                .consistentRead(true)));
    }

    /**
     * Writes a summary row at its time, or a microsecond on while another group's row of the owner has
     * that key. A row of the same group there is this very summary (a group's messages have distinct
     * times), written by a racing or earlier projection: writing it again changes nothing.
     */
    GroupRow putNew(String operation, GroupRow row) {
        GroupRow target = row;
        String group = row.summary().groupId().toString();
        for (int attempt = 0; attempt < DynamoDbFailures.MAX_ATTEMPTS; attempt++) {
            if (table.putUnlessOfAnotherGroup(operation, target.item(), group)) {
                return target;
            }
            target = target.at(target.summary().lastMessageAt().nextMicrosecond());
        }
        throw DynamoDbFailures.gaveUp("write the summary of " + row.summary().owner());
    }

    /**
     * Updates a row in place to what {@code next} makes of it (its read state, and the text of the message
     * it shows when that was edited or deleted), on condition that nobody changed it since it was read; if
     * somebody did, {@code next} is applied to the row as it is now. Returns the row as written (or unchanged),
     * or nothing if the row is gone.
     */
    Optional<GroupRow> change(GroupRow row, UnaryOperator<GroupRow> next) {
        GroupRow current = row;
        for (int attempt = 0; attempt < MAX_RETRIES; attempt++) {
            GroupRow wanted = next.apply(current);
            boolean readsChange = !(wanted.summary().reads().equals(current.summary().reads())
                    && wanted.tally().equals(current.tally()));
            boolean textChanges = !wanted.shown().equals(current.shown());
            if (!readsChange && !textChanges) {
                return Optional.of(current);
            }
            Map<String, AttributeValue> values = new HashMap<>(unchangedValues(current));
            StringBuilder update = new StringBuilder("SET " + GroupRow.REV + " = :next");
            values.put(":next", AttributeValue.fromN(Long.toString(current.rev() + 1)));
            Map<String, AttributeValue> changed = new HashMap<>(GroupRow.readAttributes(wanted.summary().reads(), wanted.tally()));
            if (textChanges) {
                changed.putAll(wanted.shownAttributes());
            }
            changed.forEach((name, value) -> {
                update.append(", ").append(name).append(" = :").append(name);
                values.put(":" + name, value);
            });
            var written = table.updateIf(textChanges ? "project.revision" : "project.reads", current.key(), update.toString(),
                    unchanged(current), values);
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

    /** Deletes the row if it is unchanged since read; otherwise the answer holds it as it is now (empty: gone). */
    TableClient.Conditional deleteIfUnchanged(GroupRow row) {
        return table.deleteIf("project.delete", row.key(), unchanged(row), unchangedValues(row));
    }

    /**
     * Has the row show the other member as {@code other} now (the same user: their erased profile) and forget their
     * read marker, on condition that nobody changed it since it was read; if somebody did, on the row as it is now.
     */
    void reprofile(GroupRow row, Profile other) {
        GroupRow current = row;
        for (int attempt = 0; attempt < MAX_RETRIES; attempt++) {
            Map<String, AttributeValue> values = new HashMap<>(unchangedValues(current));
            values.put(":next", AttributeValue.fromN(Long.toString(current.rev() + 1)));
            values.put(":handle", s(other.handle().value()));
            values.put(":name", s(other.displayName()));
            var written = table.updateIf("erase.summary", current.key(), "SET " + GroupRow.REV + " = :next, "
                    + USER_HANDLE + " = :handle, " + USER_DISPLAY_NAME + " = :name REMOVE " + GroupRow.OTHER_LAST_READ_AT,
                    unchanged(current), values);
            if (written.done() || written.item().isEmpty()) {
                return;
            }
            current = GroupRow.from(written.item());
        }
        throw DynamoDbFailures.gaveUp("update the summary row " + row.key());
    }

    static Map<UserId, List<GroupRow>> byOwner(List<GroupRow> rows) {
        Map<UserId, List<GroupRow>> byOwner = new LinkedHashMap<>();
        for (GroupRow row : rows) {
            byOwner.computeIfAbsent(row.summary().owner(), owner -> new ArrayList<>()).add(row);
        }
        return byOwner;
    }

    static GroupRow newest(List<GroupRow> rows) {
        return rows.stream().max(Comparator.comparing(row -> row.summary().lastMessageAt())).orElseThrow();
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
