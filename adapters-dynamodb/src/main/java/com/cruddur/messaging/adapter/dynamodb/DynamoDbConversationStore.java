package com.cruddur.messaging.adapter.dynamodb;

import static com.cruddur.messaging.adapter.dynamodb.Attributes.MESSAGE_GROUP_UUID;
import static com.cruddur.messaging.adapter.dynamodb.Attributes.PK;
import static com.cruddur.messaging.adapter.dynamodb.Attributes.SK;
import static com.cruddur.messaging.adapter.dynamodb.Attributes.USER_UUID;
import static com.cruddur.messaging.adapter.dynamodb.Attributes.s;

import com.cruddur.messaging.domain.application.port.out.ConversationStore;
import com.cruddur.messaging.domain.application.port.out.GroupCreation;
import com.cruddur.messaging.domain.application.port.out.Projection;
import com.cruddur.messaging.domain.error.ConflictException;
import com.cruddur.messaging.domain.error.ErrorCode;
import com.cruddur.messaging.domain.error.NotFoundException;
import com.cruddur.messaging.domain.error.InvalidInputException;
import com.cruddur.messaging.domain.error.StoreUnavailableException;
import com.cruddur.messaging.domain.model.Cursor;
import com.cruddur.messaging.domain.model.GroupSummary;
import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.MessageGroup;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.NewMessage;
import com.cruddur.messaging.domain.model.MessageId;
import com.cruddur.messaging.domain.model.ReadMarkers;
import com.cruddur.messaging.domain.model.Page;
import com.cruddur.messaging.domain.model.PageRequest;
import com.cruddur.messaging.domain.model.Profile;
import com.cruddur.messaging.domain.model.Timestamp;
import com.cruddur.messaging.domain.model.UserId;
import com.cruddur.messaging.domain.model.UserPair;
import java.time.Instant;
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
    /** Messages read per page while looking for one by id (a page is about 2 KB of small messages). */
    private static final int MESSAGES_PER_LOOKUP_PAGE = 10;

    private final TableClient table;
    private final GroupFacts facts;
    private final SummaryMover mover;

    public DynamoDbConversationStore(DynamoDbClient client, String tableName, CapacityLog capacity) {
        this.table = new TableClient(client, tableName, capacity);
        this.facts = new GroupFacts(GroupFacts.DEFAULT_SIZE);
        this.mover = new SummaryMover(table, this::group, this::markersOf);
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
        Optional<SendClaim> claim = Optional.empty();
        if (first.clientId().isPresent()) {
            claim = Optional.of(claim(first, group.id(), first.proposedAt(), true, pair));
            if (!claim.get().message().equals(first.id())) {
                return new GroupCreation.AlreadySent(deliver(claim.get(), first, group));
            }
        }
        Optional<MessageGroupId> known = Optional.ofNullable(facts.pairs.getIfPresent(pair)).or(() -> legacyGroupOf(pair));
        GroupCreation creation = known.isPresent()
                ? new GroupCreation.PairTaken(known.get())
                // Under a claim, a racing retry may be writing the same group already.
                : createGroup(group, first.storedIn(group.id(), first.proposedAt()), claim.isPresent());
        if (creation instanceof GroupCreation.PairTaken) {
            // The caller posts into the pair's group under the same id: free it for that (unless a retry
            // already moved it there).
            claim.ifPresent(ours -> table.deleteIf("send.claim.release", ours.key(), SendClaim.GROUP + " = :group",
                    Map.of(":group", s(group.id().toString()))));
        }
        return creation;
    }

    /**
     * Writes Pattern C. Resuming a claimed send, each write accepts what an earlier attempt of the same
     * send wrote (the same group, the same message).
     */
    private GroupCreation createGroup(MessageGroup group, Message message, boolean resume) {
        UserPair pair = group.pair();
        if (!table.putIfAbsent("create.members", MembersRecord.item(group)) && !resume) {
            throw new IllegalArgumentException("group id already used: " + group.id());
        }
        boolean pairClaimed = resume
                ? table.putIf("create.pair", PairRecord.item(pair, group.id()),
                        TableClient.ITEM_ABSENT + " OR " + PairRecord.GROUP + " = :group",
                        Map.of(":group", s(group.id().toString())))
                : table.putIfAbsent("create.pair", PairRecord.item(pair, group.id()));
        if (!pairClaimed) {
            table.delete("create.members.undo", MembersRecord.key(group.id()));
            // Strongly consistent: whoever won the race wrote the pair record a moment ago.
            MessageGroupId existing = table.get("create.pair.taken", PairRecord.key(pair), true).map(PairRecord::group)
                    .orElseThrow(() -> new StoreUnavailableException(DynamoDbFailures.STORE,
                            new IllegalStateException("the pair record of " + pair.key() + " vanished")));
            facts.pairs.put(pair, existing);
            return new GroupCreation.PairTaken(existing);
        }
        if (!putMessage("create.message", message) && !resume) {
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
     * Claims the draft's client id for its message at this group and time ({@link SendClaim}) and returns
     * the claim — or the earlier, unexpired claim that holds the id, if it was for the same text to the
     * same pair; another send under the id is a conflict and writes nothing.
     */
    private SendClaim claim(NewMessage draft, MessageGroupId group, Timestamp at, boolean newGroup, UserPair pair) {
        Instant now = Instant.now();
        SendClaim claim = new SendClaim(draft.sender().id(), draft.clientId().orElseThrow(), pair.key(), draft.id(),
                group, at, newGroup, SendClaim.digest(draft.text().value()), SendClaim.expiry(now, CLIENT_IDS_KEPT_HOURS));
        Optional<Map<String, AttributeValue>> holder = table.putOrGetHolder("send.claim", claim.item(),
                TableClient.ITEM_ABSENT + " OR " + SendClaim.EXPIRES_AT + " < :now",
                Map.of(":now", AttributeValue.fromN(Long.toString(now.getEpochSecond()))));
        if (holder.isEmpty()) {
            return claim;
        }
        SendClaim earlier = SendClaim.from(holder.get().isEmpty() ? readClaim(claim) : holder.get());
        if (!earlier.pair().equals(claim.pair()) || !earlier.textDigest().equals(claim.textDigest())) {
            throw ConflictException.clientMessageIdReused();
        }
        return earlier;
    }

    /** Strongly consistent, where a failed write did not return what holds its key: it was written a moment ago. */
    private Map<String, AttributeValue> readClaim(SendClaim claim) {
        return table.get("send.claim.read", claim.key(), true)
                .orElseThrow(() -> DynamoDbFailures.gaveUp("read the send claim " + claim.key()));
    }

    /**
     * Makes sure a claimed send is stored and returns its message. The claim fixes the message's id, group
     * and time; whoever runs this writes the same items, so racing runs store one message. While another
     * message holds the claimed time, the claim moves on by a microsecond (on condition that it is still
     * at that time). A claimed new group whose pair turned out to be taken is redirected to the pair's group.
     *
     * @param members a group of the same pair, for the members' profiles
     */
    private Message deliver(SendClaim claimed, NewMessage draft, MessageGroup members) {
        SendClaim claim = claimed;
        if (!claim.message().equals(draft.id())) {
            // A retry: most often the first attempt stored it, and a read costs less than a write.
            SendClaim retried = claim;
            Optional<Message> stored = table.get("send.check", MessageRow.key(claim.group(), claim.at()), true)
                    .map(MessageRow::message).filter(message -> message.id().equals(retried.message()));
            if (stored.isPresent()) {
                return stored.get();
            }
        }
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Message message = new Message(claim.message(), claim.group(), draft.sender(), draft.text().value(), claim.at());
            if (claim.newGroup()) {
                GroupCreation creation = createGroup(new MessageGroup(claim.group(), members.first(), members.second()),
                        message, true);
                if (creation instanceof GroupCreation.Created created) {
                    return created.first();
                }
                MessageGroupId existing = ((GroupCreation.PairTaken) creation).existing();
                claim = moveClaim(claim, existing, nextTime(existing, claim.at()), false);
            } else if (putMessage("send.message", message)) {
                facts.sawMessageAt(claim.group(), claim.at());
                return message;
            } else {
                claim = moveClaim(claim, claim.group(), claim.at().nextMicrosecond(), false);
            }
        }
        throw DynamoDbFailures.gaveUp("store the claimed send " + claim.key());
    }

    /** Moves a claim to another group or time, unless someone moved it first: then theirs is the claim. */
    private SendClaim moveClaim(SendClaim claim, MessageGroupId group, Timestamp at, boolean newGroup) {
        SendClaim moved = claim.at(group, at, newGroup);
        var written = table.updateIf("send.claim.move", claim.key(),
                "SET " + SendClaim.GROUP + " = :group, " + SendClaim.AT + " = :at, " + SendClaim.NEW_GROUP + " = :new",
                SendClaim.GROUP + " = :was_group AND " + SendClaim.AT + " = :was_at",
                Map.of(":group", s(group.toString()), ":at", s(at.format()), ":new", AttributeValue.fromBool(newGroup),
                        ":was_group", s(claim.group().toString()), ":was_at", s(claim.at().format())));
        if (written.done()) {
            return moved;
        }
        return SendClaim.from(written.item().isEmpty() ? readClaim(claim) : written.item());
    }

    /** Puts a message row unless another message holds its key; the same message there counts as written. */
    private boolean putMessage(String operation, Message message) {
        return table.putIf(operation, MessageRow.item(message),
                TableClient.ITEM_ABSENT + " OR " + Attributes.MESSAGE_UUID + " = :id",
                Map.of(":id", s(message.id().toString())));
    }

    /**
     * Pattern D: a conditional put of the message row. The time starts after the group's latest
     * message this process knows of and moves on by a microsecond while another message holds it, so
     * none is overwritten. The latest time is read (strongly consistent, once per group and process)
     * only when this process has not seen the group yet; after that its own writes and reads keep it.
     * Messages sent through several processes at the same moment are ordered by their clocks. A send the
     * client named is claimed first and then written as its claim says ({@link SendClaim}).
     */
    @Override
    public Message append(MessageGroupId group, NewMessage draft) {
        Timestamp at = nextTime(group, draft.proposedAt());
        if (draft.clientId().isPresent()) {
            MessageGroup members = group(group).orElseThrow(() -> NotFoundException.messageGroup(group.toString()));
            return deliver(claim(draft, group, at, false, members.pair()), draft, members);
        }
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

    /** After the group's latest message this process knows of, or the proposed time if that is later. */
    private Timestamp nextTime(MessageGroupId group, Timestamp proposedAt) {
        return latestMessageTime(group)
                .map(latest -> Timestamp.latest(proposedAt, latest.nextMicrosecond()))
                .orElse(proposedAt);
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
    public Projection project(List<Message> storedInOneGroup) {
        storedInOneGroup.forEach(message -> facts.sawMessageAt(message.groupId(), message.createdAt()));
        return mover.project(storedInOneGroup);
    }

    @Override
    public Projection projectReads(ReadMarkers markers) {
        return mover.projectReads(markers);
    }

    /** Strongly consistent: the member was just shown this message, or just sent it. */
    @Override
    public Optional<Message> latestMessage(MessageGroupId group) {
        QueryResponse latest = table.query("message.latest", query -> query
                .keyConditionExpression(PK + " = :pk")
                .expressionAttributeValues(Map.of(":pk", s(MessageRow.pk(group))))
                .scanIndexForward(false)
                .limit(1)
                .consistentRead(true));
        return latest.items().stream().findFirst().map(MessageRow::message);
    }

    /**
     * A message by id is found by reading the group back from its newest message, a page at a time
     * (strongly consistent, as {@link #latestMessage}): a member marks as read what they have just seen,
     * so it costs what lies after that message.
     */
    @Override
    public Optional<Message> message(MessageGroupId group, MessageId id) {
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = table.query("message.byId", query -> query
                    .keyConditionExpression(PK + " = :pk")
                    .filterExpression(Attributes.MESSAGE_UUID + " = :id")
                    .expressionAttributeValues(Map.of(":pk", s(MessageRow.pk(group)), ":id", s(id.toString())))
                    .scanIndexForward(false)
                    .limit(MESSAGES_PER_LOOKUP_PAGE)
                    .consistentRead(true)
                    .exclusiveStartKey(from));
            if (!page.items().isEmpty()) {
                return Optional.of(MessageRow.message(page.items().get(0)));
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return Optional.empty();
    }

    /**
     * One conditional update of the members record: the reader's marker moves only forward. The stream
     * carries the record's new image to the summaries ({@link #projectReads}).
     */
    @Override
    public ReadMarkers markRead(MessageGroupId groupId, UserId reader, Timestamp upTo) {
        MessageGroup group = group(groupId).orElseThrow(() -> NotFoundException.messageGroup(groupId.toString()));
        String marker = MembersRecord.markerOf(group, reader);
        var written = table.updateIf("markRead", MembersRecord.key(groupId), "SET " + marker + " = :upTo",
                "attribute_exists(" + PK + ") AND (attribute_not_exists(" + marker + ") OR " + marker + " < :upTo)",
                Map.of(":upTo", s(upTo.format())));
        Map<String, AttributeValue> item = written.item().isEmpty() ? readMembers(groupId) : written.item();
        return MembersRecord.markers(group, item);
    }

    /** The members' read markers, strongly consistent: a marker moved a moment ago must not be lost. */
    private ReadMarkers markersOf(MessageGroup group) {
        return MembersRecord.markers(group, readMembers(group.id()));
    }

    private Map<String, AttributeValue> readMembers(MessageGroupId group) {
        return table.get("markers", MembersRecord.key(group), true).orElse(Map.of());
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
