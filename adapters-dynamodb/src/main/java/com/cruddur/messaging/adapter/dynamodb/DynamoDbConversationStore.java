package com.cruddur.messaging.adapter.dynamodb;

import com.cruddur.messaging.adapter.dynamodb.items.GroupRow;
import com.cruddur.messaging.adapter.dynamodb.items.MembersRecord;
import com.cruddur.messaging.adapter.dynamodb.items.MessageRow;
import com.cruddur.messaging.adapter.dynamodb.items.PairRecord;
import com.cruddur.messaging.adapter.dynamodb.rooms.ErasedMembers;
import com.cruddur.messaging.adapter.dynamodb.rooms.GroupDirectory;
import com.cruddur.messaging.adapter.dynamodb.rooms.GroupFacts;
import com.cruddur.messaging.adapter.dynamodb.rooms.MessageLog;
import com.cruddur.messaging.adapter.dynamodb.rooms.NewGroups;
import com.cruddur.messaging.adapter.dynamodb.rooms.ReadMarkerRecords;
import com.cruddur.messaging.adapter.dynamodb.rooms.SendClaims;
import com.cruddur.messaging.adapter.dynamodb.rooms.Sends;
import com.cruddur.messaging.adapter.dynamodb.rooms.SummaryCounts;
import com.cruddur.messaging.adapter.dynamodb.rooms.SummaryMover;
import com.cruddur.messaging.adapter.dynamodb.rooms.SummaryRows;
import com.cruddur.messaging.adapter.dynamodb.rooms.UnreadCounter;
import com.cruddur.messaging.adapter.dynamodb.table.CapacityLog;
import com.cruddur.messaging.adapter.dynamodb.table.PartitionPages;
import com.cruddur.messaging.adapter.dynamodb.table.TableClient;
import com.cruddur.messaging.domain.application.port.out.ConversationStore;
import com.cruddur.messaging.domain.application.port.out.Erasures;
import com.cruddur.messaging.domain.application.port.out.GroupCreation;
import com.cruddur.messaging.domain.application.port.out.Projection;
import com.cruddur.messaging.domain.error.NotFoundException;
import com.cruddur.messaging.domain.model.GroupSummary;
import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.MessageGroup;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.MessageId;
import com.cruddur.messaging.domain.model.NewMessage;
import com.cruddur.messaging.domain.model.Page;
import com.cruddur.messaging.domain.model.PageRequest;
import com.cruddur.messaging.domain.model.Profile;
import com.cruddur.messaging.domain.model.ReadMarkers;
import com.cruddur.messaging.domain.model.Timestamp;
import com.cruddur.messaging.domain.model.UserId;
import com.cruddur.messaging.domain.model.UserPair;
import com.cruddur.messaging.support.StoreReachability;
import com.github.benmanes.caffeine.cache.Cache;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Conversations in {@code cruddur-messages}, item for item as the original wrote them (see
 * {@link MessageRow}, {@link GroupRow}), plus a {@link PairRecord} and a {@link MembersRecord} per
 * group: the port's face, which hands each call to the room that holds it (the map is in
 * {@code package-info.java}). Summaries move when the stream consumer calls {@link #project}, not on
 * {@link #append}.
 *
 * <p>Capacity is bought only where a guarantee needs it: what never changes (a group's members, a
 * pair's group) is read once per process ({@link GroupFacts}); reads are eventually consistent
 * unless a stale answer would be wrong (each strongly consistent read says why); there are no
 * transactions (they cost twice): Pattern C ({@link NewGroups}) and the summary move ({@link
 * SummaryMover}) are ordered sequences of conditional writes whose every intermediate state is safe.
 */
public final class DynamoDbConversationStore implements ConversationStore, Erasures {
    private final GroupFacts facts;
    private final GroupDirectory directory;
    private final MessageLog log;
    private final Sends sends;
    private final PartitionPages pages;
    private final ReadMarkerRecords markers;
    private final SummaryMover mover;
    private final ErasedMembers erased;
    private final StoreReachability reachability;

    public DynamoDbConversationStore(DynamoDbClient client, String tableName, CapacityLog capacity) {
        TableClient table = new TableClient(client, tableName, capacity);
        SummaryRows summaryRows = new SummaryRows(table);
        this.facts = new GroupFacts(GroupFacts.DEFAULT_SIZE);
        this.directory = new GroupDirectory(table, facts, summaryRows);
        this.pages = new PartitionPages(table);
        this.log = new MessageLog(table, facts, pages);
        this.sends = new Sends(directory, new SendClaims(table), new NewGroups(table, directory, log, summaryRows), log);
        this.markers = new ReadMarkerRecords(table, summaryRows);
        this.reachability = table.reachability();
        this.erased = new ErasedMembers(table, directory, summaryRows);
        this.mover = new SummaryMover(summaryRows, new SummaryCounts(new UnreadCounter(table)), directory::group,
                directory::groupAsStored,
                markers::of);
    }

    /** Whether the table answers, call by call: an outage's gauge in the metrics. */
    public StoreReachability reachability() {
        return reachability;
    }

    /** The in-process caches by metric name, for hit ratios in the metrics. */
    public Map<String, Cache<?, ?>> caches() {
        return facts.byName();
    }

    @Override
    public Optional<MessageGroup> group(MessageGroupId id) {
        return directory.group(id);
    }

    @Override
    public Optional<MessageGroupId> groupOf(UserPair pair) {
        return directory.groupOf(pair);
    }

    @Override
    public GroupCreation create(MessageGroup group, NewMessage first) {
        return sends.create(group, first);
    }

    @Override
    public Message append(MessageGroupId group, NewMessage draft) {
        return sends.append(group, draft);
    }

    @Override
    public Page<Message> messages(MessageGroupId group, PageRequest page) {
        return log.page(group, page);
    }

    /**
     * Pattern B: {@code GRP#<owner>} newest first, eventually consistent — summaries are projected
     * asynchronously, so a strongly consistent read would buy nothing. A group whose summary is being
     * moved can have a second, older row for a moment ({@link SummaryMover}): only its newest shows.
     */
    @Override
    public Page<GroupSummary> summaries(UserId owner, PageRequest page) {
        Page<GroupSummary> rows = pages.newestFirst("summaries", GroupRow.pk(owner), page,
                item -> GroupRow.from(item).summary());
        Set<MessageGroupId> shown = new HashSet<>();
        return new Page<>(rows.items().stream().filter(summary -> shown.add(summary.groupId())).toList(), rows.next());
    }

    @Override
    public Projection project(List<Message> storedInOneGroup) {
        storedInOneGroup.forEach(message -> log.sawMessageAt(message.groupId(), message.createdAt()));
        return mover.project(storedInOneGroup);
    }

    @Override
    public Projection projectReads(ReadMarkers markers) {
        return mover.projectReads(markers);
    }

    @Override
    public Optional<Message> firstMessage(MessageGroupId group) {
        return log.first(group);
    }

    @Override
    public ReadMarkers readMarkers(MessageGroupId group) {
        return directory.group(group).map(markers::shown).orElseGet(() -> new ReadMarkers(group, Map.of()));
    }

    @Override
    public Optional<Message> latestMessage(MessageGroupId group) {
        return log.latest(group);
    }

    @Override
    public Optional<Message> message(MessageGroupId group, MessageId id) {
        return log.byId(group, id);
    }

    /** The message row now; the summaries follow when the stream brings its {@code MODIFY} to {@link #project}. */
    @Override
    public boolean revise(Message current, Message next) {
        return log.revise(current, next);
    }

    @Override
    public void forgetMember(MessageGroupId group, Profile member) {
        erased.forget(group, member);
    }

    @Override
    public int forgetClientIds(UserId sender) {
        return erased.forgetClientIds(sender);
    }

    @Override
    public ReadMarkers markRead(MessageGroupId groupId, UserId reader, Timestamp upTo) {
        MessageGroup group = directory.group(groupId).orElseThrow(() -> NotFoundException.messageGroup(groupId.toString()));
        return markers.markRead(group, reader, upTo);
    }
}
