package com.cruddur.messaging.adapter.dynamodb.rooms;

import com.cruddur.messaging.domain.model.MessageGroup;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.MessageId;
import com.cruddur.messaging.domain.model.Timestamp;
import com.cruddur.messaging.domain.model.UserPair;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Map;

/**
 * What this process remembers of the groups it has read or written, so that it does not pay
 * DynamoDB to read it again. Bounded (least recently used go first) and counted (hit ratios in
 * {@code /prometheus}).
 *
 * <ul>
 *   <li>{@code members}: a group's two members never change once the group exists; the copy of a member's profile
 *       changes when their data is erased, so it is kept for {@link #MEMBERS_KEPT} only.</li>
 *   <li>{@code pairs}: a pair's group never changes once it exists (a pair never gets a second one).</li>
 *   <li>{@code pairsWithoutLegacyGroup}: pairs the original's data holds no group for; the original
 *       no longer writes, so that stays true (our own groups are guarded by their pair record).</li>
 *   <li>{@code latestMessageAt}: the newest message time seen per group — not a fact but a lower bound
 *       for the next message's time, refreshed by every write and read of the group in this process.</li>
 *   <li>{@code messageKeys}: a message's sort key as stored (its time, perhaps in the original's format)
 *       never changes, so a message this process has written or read is found again by its key, not by
 *       reading the group back to it.</li>
 * </ul>
 */
public final class GroupFacts {
    public static final long DEFAULT_SIZE = 100_000;
    /** How long a process may show an erased member's earlier name: one read per group and process per this time. */
    public static final Duration MEMBERS_KEPT = Duration.ofMinutes(10);

    final Cache<MessageGroupId, MessageGroup> members;
    final Cache<UserPair, MessageGroupId> pairs;
    final Cache<UserPair, Boolean> pairsWithoutLegacyGroup;
    final Cache<MessageGroupId, Timestamp> latestMessageAt;
    final Cache<MessageId, String> messageKeys;

    public GroupFacts(long size) {
        members = Caffeine.newBuilder().maximumSize(size).expireAfterWrite(MEMBERS_KEPT).recordStats().build();
        pairs = Caffeine.newBuilder().maximumSize(size).recordStats().build();
        pairsWithoutLegacyGroup = Caffeine.newBuilder().maximumSize(size).build();
        latestMessageAt = Caffeine.newBuilder().maximumSize(size).recordStats().build();
        messageKeys = Caffeine.newBuilder().maximumSize(size).recordStats().build();
    }

    /** Remembers a message time unless a later one is already known. */
    void sawMessageAt(MessageGroupId group, Timestamp at) {
        latestMessageAt.asMap().merge(group, at, Timestamp::latest);
    }

    /** The caches by the name their metrics carry. */
    public Map<String, Cache<?, ?>> byName() {
        return Map.of("dynamodb.group-members", members, "dynamodb.pair-groups", pairs,
                "dynamodb.latest-message-at", latestMessageAt, "dynamodb.message-keys", messageKeys);
    }
}
