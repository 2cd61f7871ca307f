package com.cruddur.messaging.adapter.http.json;

import com.cruddur.messaging.domain.model.Message;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The answer to {@code POST /api/messages}, for both kinds of send. {@code uuid} is the new
 * message's id (the original wrongly sent the sender's user id here).
 */
@Serdeable
public record SentMessageJson(
        @JsonProperty("message_group_uuid") String messageGroupUuid,
        String uuid,
        @JsonProperty("display_name") String displayName,
        String handle,
        String message,
        @JsonProperty("created_at") String createdAt) {

    public static SentMessageJson of(Message message) {
        return new SentMessageJson(message.groupId().toString(), message.id().toString(),
                message.sender().displayName(), message.sender().handle().value(), message.text(),
                message.createdAt().format());
    }
}
