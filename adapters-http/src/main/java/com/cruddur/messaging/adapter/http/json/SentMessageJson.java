package com.cruddur.messaging.adapter.http.json;

import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.Timestamp;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The answer to {@code POST /api/messages} (both kinds of send) and to an edit, and the data of the
 * {@code message}, {@code message_edited} and {@code message_deleted} events. {@code uuid} is the message's id
 * (the original wrongly sent the sender's user id here); {@code edited_at} and {@code deleted_at} are null
 * when not; {@code kind} is {@code "message"}.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SentMessageJson(
        @JsonProperty("message_group_uuid") String messageGroupUuid,
        String uuid,
        @JsonProperty("display_name") String displayName,
        String handle,
        String message,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("edited_at") @Nullable String editedAt,
        @JsonProperty("deleted_at") @Nullable String deletedAt,
        String kind) {

    public static SentMessageJson of(Message message) {
        return new SentMessageJson(message.groupId().toString(), message.id().toString(),
                message.sender().displayName(), message.sender().handle().value(), message.text(),
                message.createdAt().format(), message.editedAt().map(Timestamp::format).orElse(null),
                message.deletedAt().map(Timestamp::format).orElse(null), MessageJson.MESSAGE);
    }
}
