package com.cruddur.messaging.adapter.dynamodb;

import static com.cruddur.messaging.adapter.dynamodb.Attributes.MESSAGE_GROUP_UUID;
import static com.cruddur.messaging.adapter.dynamodb.Attributes.PK;
import static com.cruddur.messaging.adapter.dynamodb.Attributes.SK;
import static com.cruddur.messaging.adapter.dynamodb.Attributes.USER_UUID;
import static com.cruddur.messaging.adapter.dynamodb.Attributes.s;

import com.cruddur.messaging.domain.application.port.out.ConversationStore;
import com.cruddur.messaging.domain.application.port.out.GroupCreation;
import com.cruddur.messaging.domain.application.port.out.Projection;
import com.cruddur.messaging.domain.error.ErrorCode;
import com.cruddur.messaging.domain.error.InvalidInputException;
import com.cruddur.messaging.domain.error.StoreUnavailableException;
import com.cruddur.messaging.domain.model.Cursor;
import com.cruddur.messaging.domain.model.GroupSummary;
import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.MessageGroup;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.NewMessage;
import com.cruddur.messaging.domain.model.Page;
import com.cruddur.messaging.domain.model.PageRequest;
import com.cruddur.messaging.domain.model.Profile;
import com.cruddur.messaging.domain.model.Timestamp;
import com.cruddur.messaging.domain.model.UserId;
import com.cruddur.messaging.domain.model.UserPair;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Conversations in {@code cruddur-messages}, item for item as the original wrote them (see
 * {@link MessageRow}, {@link GroupRow}), plus a {@link PairRecord} and a {@link MembersRecord} per
 * group. Summaries move when the stream consumer calls {@link #project}, not on {@link #append}.
 */
public final class DynamoDbConversationStore implements ConversationStore {
    private static final Logger LOG = LoggerFactory.getLogger(DynamoDbConversationStore.class);
    /** Collisions are one microsecond apart, so this many means something is badly wrong, not busy. */
    static final int MAX_ATTEMPTS = 200;

    private final TableClient table;
    private final SummaryMover mover;

    public DynamoDbConversationStore(DynamoDbClient client, String tableName, CapacityLog capacity) {
        this.table = new TableClient(client, tableName, capacity);
        this.mover = new SummaryMover(table, this::membersRecord);
    }

    @Override
    public Optional<MessageGroup> group(MessageGroupId id) {
        Optional<MessageGroup> recorded = membersRecord(id);
        return recorded.isPresent() ? recorded : legacyGroup(id);
    }

    Optional<MessageGroup> membersRecord(MessageGroupId id) {
        return table.get("group", MembersRecord.key(id)).map(item -> MembersRecord.group(id, item));
    }

    /** A group the original created: its members only show in their summaries, found through the GSI. */
    private Optional<MessageGroup> legacyGroup(MessageGroupId id) {
        Map<UserId, GroupSummary> byOwner = new LinkedHashMap<>();
        for (GroupRow row : mover.rowsInIndex(id)) {
            byOwner.putIfAbsent(row.summary().owner(), row.summary());
        }
        if (byOwner.size() != 2) {
            return Optional.empty();
        }
        List<GroupSummary> summaries = new ArrayList<>(byOwner.values());
        // Each member's profile is the "other" of the summary the other member owns.
        Profile first = summaries.get(1).other();
        Profile second = summaries.get(0).other();
        MessageGroup group = new MessageGroup(id, first, second);
        table.putIfAbsent("group.backfill", MembersRecord.item(group));
        return Optional.of(group);
    }

    @Override
    public Optional<MessageGroupId> groupOf(UserPair pair) {
        Optional<MessageGroupId> recorded = table.get("groupOf", PairRecord.key(pair)).map(PairRecord::group);
        return recorded.isPresent() ? recorded : legacyGroupOf(pair);
    }

    /** The original kept no pair record: look through one member's summaries for the other member. */
    private Optional<MessageGroupId> legacyGroupOf(UserPair pair) {
        Optional<MessageGroupId> found = table.queryAll("groupOf.legacy", query -> query
                        .keyConditionExpression(PK + " = :pk")
                        .filterExpression(USER_UUID + " = :other")
                        .expressionAttributeValues(Map.of(":pk", s(GroupRow.pk(pair.low())), ":other", s(pair.high().toString())))
                        .consistentRead(true))
                .stream()
                .flatMap(item -> Attributes.string(item, MESSAGE_GROUP_UUID).stream())
                .findFirst()
                .map(MessageGroupId::of);
        found.ifPresent(id -> table.putIfAbsent("groupOf.backfill", PairRecord.item(pair, id)));
        return found;
    }

    /**
     * Pattern C in one {@code TransactWriteItems}: the pair record, the members record, the first
     * message and both summaries, each on condition that its key is free. A taken pair names the
     * existing group; a summary colliding with another of the member's summaries moves on by a microsecond.
     */
    @Override
    public GroupCreation create(MessageGroup group, NewMessage first) {
        Optional<MessageGroupId> existing = groupOf(group.pair());
        if (existing.isPresent()) {
            return new GroupCreation.PairTaken(existing.get());
        }
        Message message = first.storedIn(group.id(), first.proposedAt());
        List<GroupRow> summaries = new ArrayList<>(GroupSummary.of(group, message).stream().map(GroupRow::of).toList());
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            try {
                table.transact("create", List.of(
                        table.putIfAbsent(PairRecord.item(group.pair(), group.id())),
                        table.putIfAbsent(MembersRecord.item(group)),
                        table.putIfAbsent(MessageRow.item(message)),
                        table.putIfAbsent(summaries.get(0).item()),
                        table.putIfAbsent(summaries.get(1).item())));
                return new GroupCreation.Created(message);
            } catch (TransactionCanceledException e) {
                List<String> reasons = Transactions.reasons(e);
                Transactions.retryOrThrow(reasons, e);
                if (Transactions.failed(reasons, 0)) {
                    return new GroupCreation.PairTaken(table.get("groupOf", PairRecord.key(group.pair()))
                            .map(PairRecord::group)
                            .orElseThrow(() -> new StoreUnavailableException(DynamoDbFailures.STORE, e)));
                }
                if (Transactions.failed(reasons, 1) || Transactions.failed(reasons, 2)) {
                    throw new IllegalArgumentException("group id already used: " + group.id(), e);
                }
                for (int i = 0; i < 2; i++) {
                    if (Transactions.failed(reasons, 3 + i)) {
                        GroupRow row = summaries.get(i);
                        summaries.set(i, row.at(row.summary().lastMessageAt().nextMicrosecond()));
                    }
                }
            }
        }
        throw Transactions.gaveUp("create group " + group.id());
    }

    /**
     * Pattern D: a conditional put of the message row. The time starts after the group's latest
     * message and moves on by a microsecond while another message holds it, so none is overwritten.
     */
    @Override
    public Message append(MessageGroupId group, NewMessage draft) {
        Timestamp at = latestMessageTime(group)
                .map(latest -> Timestamp.latest(draft.proposedAt(), latest.nextMicrosecond()))
                .orElse(draft.proposedAt());
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Message message = draft.storedIn(group, at);
            if (table.putIfAbsent("append", MessageRow.item(message))) {
                return message;
            }
            at = at.nextMicrosecond();
        }
        throw Transactions.gaveUp("append to " + group);
    }

    private Optional<Timestamp> latestMessageTime(MessageGroupId group) {
        QueryResponse latest = table.query("append.latest", query -> query
                .keyConditionExpression(PK + " = :pk")
                .expressionAttributeValues(Map.of(":pk", s(MessageRow.pk(group))))
                .scanIndexForward(false)
                .limit(1)
                .projectionExpression(SK)
                .consistentRead(true));
        return latest.items().stream().findFirst()
                .flatMap(item -> Attributes.string(item, SK))
                .map(Timestamp::parse);
    }

    /** Pattern A: {@code MSG#<group>} newest first, no year filter, then reversed to oldest first. */
    @Override
    public Page<Message> messages(MessageGroupId group, PageRequest page) {
        Page<Message> newestFirst = newestFirst("messages", MessageRow.pk(group), page, MessageRow::message);
        List<Message> oldestFirst = new ArrayList<>(newestFirst.items());
        Collections.reverse(oldestFirst);
        return new Page<>(oldestFirst, newestFirst.next());
    }

    /** Pattern B: {@code GRP#<owner>} newest first. */
    @Override
    public Page<GroupSummary> summaries(UserId owner, PageRequest page) {
        return newestFirst("summaries", GroupRow.pk(owner), page, item -> GroupRow.from(item).summary());
    }

    @Override
    public Projection project(Message stored) {
        return mover.project(stored);
    }

    /**
     * One page of a partition, newest first. The cursor is the sort key of the page's last item,
     * exactly as stored (which keeps the original's own formats working); one item more than the
     * page is read to know whether a next page exists.
     */
    private <T> Page<T> newestFirst(String operation, String pk, PageRequest page,
                                    Function<Map<String, AttributeValue>, T> reader) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", s(pk));
        page.cursor().ifPresent(cursor -> values.put(":before", s(sortKeyOf(cursor))));
        QueryResponse response = table.query(operation, query -> query
                .keyConditionExpression(PK + " = :pk" + (page.cursor().isPresent() ? " AND " + SK + " < :before" : ""))
                .expressionAttributeValues(values)
                .scanIndexForward(false)
                .limit(page.limit() + 1)
                .consistentRead(true));
        List<Map<String, AttributeValue>> items = response.items();
        boolean more = items.size() > page.limit();
        List<Map<String, AttributeValue>> shown = more ? items.subList(0, page.limit()) : items;
        List<T> read = new ArrayList<>();
        for (Map<String, AttributeValue> item : shown) {
            try {
                read.add(reader.apply(item));
            } catch (MalformedItemException e) {
                LOG.warn("skipping an item the store cannot read: {}", e.getMessage());
            }
        }
        Optional<Cursor> next = more
                ? Optional.of(new Cursor(Attributes.required(shown.get(shown.size() - 1), SK)))
                : Optional.empty();
        return new Page<>(read, next);
    }

    private static String sortKeyOf(Cursor cursor) {
        try {
            Timestamp.parse(cursor.value());
            return cursor.value();
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(ErrorCode.CURSOR_INVALID);
        }
    }
}
