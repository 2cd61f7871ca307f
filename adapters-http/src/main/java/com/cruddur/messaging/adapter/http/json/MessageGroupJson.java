package com.cruddur.messaging.adapter.http.json;

import com.cruddur.messaging.domain.model.GroupSummary;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

/** One entry of {@code GET /api/message_groups}: the group and the <em>other</em> member, as the original sent it. */
@Serdeable
public record MessageGroupJson(
        String uuid,
        @JsonProperty("display_name") String displayName,
        String handle,
        String message,
        @JsonProperty("created_at") String createdAt) {

    public static MessageGroupJson of(GroupSummary summary) {
        return new MessageGroupJson(summary.groupId().toString(), summary.other().displayName(),
                summary.other().handle().value(), summary.lastMessage(), summary.lastMessageAt().format());
    }
}
