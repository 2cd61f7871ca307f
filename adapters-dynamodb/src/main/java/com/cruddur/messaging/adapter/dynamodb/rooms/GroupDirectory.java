package com.cruddur.messaging.adapter.dynamodb.rooms;

import static com.cruddur.messaging.adapter.dynamodb.table.Attributes.MESSAGE_GROUP_UUID;
import static com.cruddur.messaging.adapter.dynamodb.table.Attributes.PK;
import static com.cruddur.messaging.adapter.dynamodb.table.Attributes.USER_UUID;
import static com.cruddur.messaging.adapter.dynamodb.table.Attributes.s;

import com.cruddur.messaging.adapter.dynamodb.items.GroupRow;
import com.cruddur.messaging.adapter.dynamodb.items.MembersRecord;
import com.cruddur.messaging.adapter.dynamodb.items.PairRecord;
import com.cruddur.messaging.adapter.dynamodb.table.Attributes;
import com.cruddur.messaging.adapter.dynamodb.table.TableClient;
import com.cruddur.messaging.domain.model.GroupSummary;
import com.cruddur.messaging.domain.model.MessageGroup;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.Profile;
import com.cruddur.messaging.domain.model.UserId;
import com.cruddur.messaging.domain.model.UserPair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which group a pair has and who is in a group: the {@link MembersRecord} and {@link PairRecord} of our
 * groups, and the original's groups, which have neither (found through their summaries, then given both
 * records). What it finds changes only when a member's data is erased (their profile's copy), so it is read once per
 * process and kept for minutes ({@link GroupFacts}).
 */
public final class GroupDirectory {
    private final TableClient table;
    private final GroupFacts facts;
    private final SummaryRows summaryRows;

    public GroupDirectory(TableClient table, GroupFacts facts, SummaryRows summaryRows) {
        this.table = table;
        this.facts = facts;
        this.summaryRows = summaryRows;
    }

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

    /**
     * The pair's record, read eventually consistently: if it was written a moment ago and does not
     * show yet, the caller goes on to create the group, and the pair record's condition names it then.
     */
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

    /** The pair's group as far as it is known without reading a pair record: remembered, or the original's. */
    Optional<MessageGroupId> knownGroupOf(UserPair pair) {
        return Optional.ofNullable(facts.pairs.getIfPresent(pair)).or(() -> legacyGroupOf(pair));
    }

    /**
     * The group as its members record holds it now (strongly consistent, past what this process remembers), and
     * remembered so: for the one change a group's members see, a member's erasure.
     */
    public Optional<MessageGroup> groupAsStored(MessageGroupId id) {
        Optional<MessageGroup> found = membersRecord(id, true);
        found.ifPresent(group -> facts.members.put(id, group));
        return found;
    }

    /** A group just written, or a pair found taken: remembered as read. */
    void remember(MessageGroup group) {
        facts.members.put(group.id(), group);
        facts.pairs.put(group.pair(), group.id());
    }

    void rememberPair(UserPair pair, MessageGroupId group) {
        facts.pairs.put(pair, group);
    }

    private Optional<MessageGroup> membersRecord(MessageGroupId id, boolean consistent) {
        return table.get(consistent ? "group.consistent" : "group", MembersRecord.key(id), consistent)
                .map(item -> MembersRecord.group(id, item));
    }

    /** A group the original created: its members only show in their summaries, found through the GSI. */
    private Optional<MessageGroup> legacyGroup(MessageGroupId id) {
        Map<UserId, GroupSummary> byOwner = new LinkedHashMap<>();
        for (GroupRow row : summaryRows.inIndex(id)) {
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
}
