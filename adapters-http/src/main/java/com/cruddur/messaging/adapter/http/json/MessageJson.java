package com.cruddur.messaging.adapter.http.json;

import com.cruddur.messaging.domain.model.Message;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

/** One message of {@code GET /api/messages/{message_group_uuid}}: its uuid and its <em>sender</em>. */
@Serdeable
public record MessageJson(
        String uuid,
        @JsonProperty("display_name") String displayName,
        String handle,
        String message,
        @JsonProperty("created_at") String createdAt) {

    public static MessageJson of(Message message) {
        return new MessageJson(message.id().toString(), message.sender().displayName(),
                message.sender().handle().value(), message.text(), message.createdAt().format());
    }
}
