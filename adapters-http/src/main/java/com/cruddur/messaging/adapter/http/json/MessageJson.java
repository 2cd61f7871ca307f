package com.cruddur.messaging.adapter.http.json;

import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.Timestamp;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One message of {@code GET /api/messages/{message_group_uuid}}: its uuid and its <em>sender</em>, and when it
 * was last edited and when deleted (null when not), and {@code kind} {@code "message"}: keys the original
 * frontend ignores.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MessageJson(
        String uuid,
        @JsonProperty("display_name") String displayName,
        String handle,
        String message,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("edited_at") @Nullable String editedAt,
        @JsonProperty("deleted_at") @Nullable String deletedAt,
        String kind) {
    /** What every entry of a conversation's history is today: a message someone sent. */
    public static final String MESSAGE = "message";

    public static MessageJson of(Message message) {
        return new MessageJson(message.id().toString(), message.sender().displayName(),
                message.sender().handle().value(), message.text(), message.createdAt().format(),
                message.editedAt().map(Timestamp::format).orElse(null),
                message.deletedAt().map(Timestamp::format).orElse(null), MessageJson.MESSAGE);
    }
}
