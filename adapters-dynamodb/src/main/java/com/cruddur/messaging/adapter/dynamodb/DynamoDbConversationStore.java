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
import java.util.HashSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import com.github.benmanes.caffeine.cache.Cache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Conversations in {@code cruddur-messages}, item for item as the original wrote them (see
 * {@link MessageRow}, {@link GroupRow}), plus a {@link PairRecord} and a {@link MembersRecord} per
 * group. Summaries move when the stream consumer calls {@link #project}, not on {@link #append}.
 *
 * <p>Capacity is bought only where a guarantee needs it: what never changes (a group's members, a
 * pair's group) is read once per process ({@link GroupFacts}); reads are eventually consistent
 * unless a stale answer would be wrong (each strongly consistent read says why); there are no
 * transactions (they cost twice): Pattern C and the summary move are ordered sequences of
 * conditional writes whose every intermediate state is safe (see {@link #create} and {@link SummaryMover}).
 */
public final class DynamoDbConversationStore implements ConversationStore {
    private static final Logger LOG = LoggerFactory.getLogger(DynamoDbConversationStore.class);
    /** Collisions are one microsecond apart, so this many means something is badly wrong, not busy. */
    static final int MAX_ATTEMPTS = 200;

    private final TableClient table;
    private final GroupFacts facts;
    private final SummaryMover mover;

    public DynamoDbConversationStore(DynamoDbClient client, String tableName, CapacityLog capacity) {
        this.table = new TableClient(client, tableName, capacity);
        this.facts = new GroupFacts(GroupFacts.DEFAULT_SIZE);
        this.mover = new SummaryMover(table, this::group);
    }

    /** The in-process caches by metric name, for hit ratios in the metrics. */
    public Map<String, Cache<?, ?>> caches() {
        return facts.byName();
    }

    @Override
    public Optional<MessageGroup> group(MessageGroupId id) {
        MessageGroup known = facts.members.getIfPresent(id);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<MessageGroup> found = membersRecord(id, false);
        if (found.isEmpty()) {
            // A group created a moment ago (its creator's client already has its id) may not show in an
            // eventually consistent read yet; "not found" to a member would be wrong.
            found = membersRecord(id, true);
        }
        if (found.isEmpty()) {
            found = legacyGroup(id);
        }
        found.ifPresent(group -> facts.members.put(id, group));
        return found;
    }

    private Optional<MessageGroup> membersRecord(MessageGroupId id, boolean consistent) {
        return table.get(consistent ? "group.consistent" : "group", MembersRecord.key(id), consistent)
                .map(item -> MembersRecord.group(id, item));
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

    /**
     * The pair's record, read eventually consistently: if it was written a moment ago and does not
     * show yet, the caller goes on to create the group, and the pair record's condition names it then.
     */
    @Override
    public Optional<MessageGroupId> groupOf(UserPair pair) {
        MessageGroupId known = facts.pairs.getIfPresent(pair);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<MessageGroupId> found = table.get("groupOf", PairRecord.key(pair), false).map(PairRecord::group);
        if (found.isEmpty()) {
            found = legacyGroupOf(pair);
        }
        found.ifPresent(id -> facts.pairs.put(pair, id));
        return found;
    }

    /** The original kept no pair record: look through one member's summaries for the other member. */
    private Optional<MessageGroupId> legacyGroupOf(UserPair pair) {
        if (facts.pairsWithoutLegacyGroup.getIfPresent(pair) != null) {
            return Optional.empty();
        }
        // Eventually consistent: the original's rows are old, and ours always come with a pair record.
        Optional<MessageGroupId> found = table.queryAll("groupOf.legacy", query -> query
                        .keyConditionExpression(PK + " = :pk")
                        .filterExpression(USER_UUID + " = :other")
                        .expressionAttributeValues(Map.of(":pk", s(GroupRow.pk(pair.low())), ":other", s(pair.high().toString()))))
                .stream()
                .flatMap(item -> Attributes.string(item, MESSAGE_GROUP_UUID).stream())
                .findFirst()
                .map(MessageGroupId::of);
        if (found.isPresent()) {
            table.putIfAbsent("groupOf.backfill", PairRecord.item(pair, found.get()));
        } else {
            facts.pairsWithoutLegacyGroup.put(pair, Boolean.TRUE);
        }
        return found;
    }

    /**
     * Pattern C as five conditional puts, in an order that leaves every intermediate state safe if the
     * process dies between two of them:
     * <ol>
     *   <li>the members record — alone it is unreachable: its id was never returned and no pair names it;</li>
     *   <li>the pair record, which claims the pair (a taken pair: our members record is removed and the
     *       pair's group named) — with only these two, the group has no message and shows in no list,
     *       and the next send to the pair appends to it;</li>
     *   <li>the first message — from here the stream consumer completes any summary still missing;</li>
     *   <li>and 5. each member's summary (a sort key taken by another of the member's summaries moves
     *       on by a microsecond).</li>
     * </ol>
     * A reader never sees a summary of a group without members or messages, and a pair never gets a
     * second group. {@code DynamoDbCrashTest} crashes after each write and checks that the next send
     * and the stream bring the pair to one complete group.
     */
    @Override
    public GroupCreation create(MessageGroup group, NewMessage first) {
        UserPair pair = group.pair();
        Optional<MessageGroupId> known = Optional.ofNullable(facts.pairs.getIfPresent(pair)).or(() -> legacyGroupOf(pair));
        if (known.isPresent()) {
            return new GroupCreation.PairTaken(known.get());
        }
        if (!table.putIfAbsent("create.members", MembersRecord.item(group))) {
            throw new IllegalArgumentException("group id already used: " + group.id());
        }
        if (!table.putIfAbsent("create.pair", PairRecord.item(pair, group.id()))) {
            table.delete("create.members.undo", MembersRecord.key(group.id()));
            // Strongly consistent: whoever won the race wrote the pair record a moment ago.
            MessageGroupId existing = table.get("create.pair.taken", PairRecord.key(pair), true).map(PairRecord::group)
                    .orElseThrow(() -> new StoreUnavailableException(DynamoDbFailures.STORE,
                            new IllegalStateException("the pair record of " + pair.key() + " vanished")));
            facts.pairs.put(pair, existing);
            return new GroupCreation.PairTaken(existing);
        }
        Message message = first.storedIn(group.id(), first.proposedAt());
        if (!table.putIfAbsent("create.message", MessageRow.item(message))) {
            throw new IllegalArgumentException("a message of new group " + group.id() + " already exists");
        }
        for (GroupSummary summary : GroupSummary.of(group, message)) {
            mover.putNew("create.summary", GroupRow.of(summary));
        }
        facts.members.put(group.id(), group);
        facts.pairs.put(pair, group.id());
        facts.sawMessageAt(group.id(), message.createdAt());
        return new GroupCreation.Created(message);
    }

    /**
     * Pattern D: a conditional put of the message row. The time starts after the group's latest
     * message this process knows of and moves on by a microsecond while another message holds it, so
     * none is overwritten. The latest time is read (strongly consistent, once per group and process)
     * only when this process has not seen the group yet; after that its own writes and reads keep it.
     * Messages sent through several processes at the same moment are ordered by their clocks.
     */
    @Override
    public Message append(MessageGroupId group, NewMessage draft) {
        Timestamp at = latestMessageTime(group)
                .map(latest -> Timestamp.latest(draft.proposedAt(), latest.nextMicrosecond()))
                .orElse(draft.proposedAt());
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Message message = draft.storedIn(group, at);
            if (table.putIfAbsent("append", MessageRow.item(message))) {
                facts.sawMessageAt(group, at);
                return message;
            }
            at = at.nextMicrosecond();
        }
        throw DynamoDbFailures.gaveUp("append to " + group);
    }

    private Optional<Timestamp> latestMessageTime(MessageGroupId group) {
        Timestamp known = facts.latestMessageAt.getIfPresent(group);
        if (known != null) {
            return Optional.of(known);
        }
        // Strongly consistent: the message a member was just told was stored must come before this one.
        QueryResponse latest = table.query("append.latest", query -> query
                .keyConditionExpression(PK + " = :pk")
                .expressionAttributeValues(Map.of(":pk", s(MessageRow.pk(group))))
                .scanIndexForward(false)
                .limit(1)
                .projectionExpression(SK)
                .consistentRead(true));
        Optional<Timestamp> found = latest.items().stream().findFirst()
                .flatMap(item -> Attributes.string(item, SK))
                .map(Timestamp::parse);
        found.ifPresent(at -> facts.sawMessageAt(group, at));
        return found;
    }

    /**
     * Pattern A: {@code MSG#<group>} newest first, no year filter, then reversed to oldest first.
     * Eventually consistent, at half the price: a message stored within the last moment (typically well
     * under a second) may not show yet — as the original's reads, and like the summaries — while its
     * sender already holds it from the send's response.
     */
    @Override
    public Page<Message> messages(MessageGroupId group, PageRequest page) {
        Page<Message> newestFirst = newestFirst("messages", MessageRow.pk(group), page, MessageRow::message);
        newestFirst.items().stream().findFirst().ifPresent(newest -> facts.sawMessageAt(group, newest.createdAt()));
        List<Message> oldestFirst = new ArrayList<>(newestFirst.items());
        Collections.reverse(oldestFirst);
        return new Page<>(oldestFirst, newestFirst.next());
    }

    /**
     * Pattern B: {@code GRP#<owner>} newest first, eventually consistent — summaries are projected
     * asynchronously, so a strongly consistent read would buy nothing. A group whose summary is being
     * moved can have a second, older row for a moment ({@link SummaryMover}): only its newest shows.
     */
    @Override
    public Page<GroupSummary> summaries(UserId owner, PageRequest page) {
        Page<GroupSummary> rows = newestFirst("summaries", GroupRow.pk(owner), page,
                item -> GroupRow.from(item).summary());
        Set<MessageGroupId> shown = new HashSet<>();
        return new Page<>(rows.items().stream().filter(summary -> shown.add(summary.groupId())).toList(), rows.next());
    }

    @Override
    public Projection project(Message stored) {
        facts.sawMessageAt(stored.groupId(), stored.createdAt());
        return mover.project(stored);
    }

    /**
     * One page of a partition, newest first, eventually consistent. The cursor is the sort key of the
     * page's last item, exactly as stored (which keeps the original's own formats working); one item
     * more than the page is read to know whether a next page exists.
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
                .limit(page.limit() + 1));
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
