package com.cruddur.messaging.adapter.http.json;

import com.cruddur.messaging.domain.model.Message;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

/** The data of a {@code message} event: the message as {@code POST /api/messages} answers it, group included. */
@Serdeable
public record MessageEventJson(
        @JsonProperty("message_group_uuid") String messageGroupUuid,
        String uuid,
        @JsonProperty("display_name") String displayName,
        String handle,
        String message,
        @JsonProperty("created_at") String createdAt) {

    public static MessageEventJson of(Message message) {
        return new MessageEventJson(message.groupId().toString(), message.id().toString(),
                message.sender().displayName(), message.sender().handle().value(), message.text(),
                message.createdAt().format());
    }
}
