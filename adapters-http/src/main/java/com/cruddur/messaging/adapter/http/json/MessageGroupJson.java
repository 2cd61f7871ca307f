package com.cruddur.messaging.adapter.http.json;

import com.cruddur.messaging.domain.model.GroupSummary;
import com.cruddur.messaging.domain.model.ReadState;
import com.cruddur.messaging.domain.model.Timestamp;
import io.micronaut.core.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One entry of {@code GET /api/message_groups}: the group and the <em>other</em> member, as the original
 * sent it, plus what the caller has read and what kind of conversation it is (keys the original frontend ignores).
 * Every conversation is a direct one between two members today: {@code kind} {@code "direct"}, no {@code name},
 * {@code member_count} 2.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MessageGroupJson(
        String uuid,
        @JsonProperty("display_name") String displayName,
        String handle,
        String message,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("unread_count") int unreadCount,
        @JsonProperty("last_read_at") @Nullable String lastReadAt,
        @JsonProperty("other_last_read_at") @Nullable String otherLastReadAt,
        String kind,
        @Nullable String name,
        @JsonProperty("member_count") int memberCount) {
    /** The kind of a conversation between two members, made by a send to a handle. */
    public static final String DIRECT = "direct";

    public static MessageGroupJson of(GroupSummary summary) {
        ReadState reads = summary.reads();
        return new MessageGroupJson(summary.groupId().toString(), summary.other().displayName(),
                summary.other().handle().value(), summary.lastMessage(), summary.lastMessageAt().format(),
                reads.shownUnreadCount(), reads.lastReadAt().map(Timestamp::format).orElse(null),
                reads.otherLastReadAt().map(Timestamp::format).orElse(null), DIRECT, null, 2);
    }
}
