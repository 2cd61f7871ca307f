package com.cruddur.messaging.adapter.http.json;

import com.cruddur.messaging.domain.model.ConversationEvent;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

/** The data of a {@code read} event: whose marker moved in which group, and to which message's time. */
@Serdeable
public record ReadEventJson(
        @JsonProperty("message_group_uuid") String messageGroupUuid,
        @JsonProperty("user_uuid") String userUuid,
        @JsonProperty("last_read_at") String lastReadAt) {

    public static ReadEventJson of(ConversationEvent.ReadMarkerMoved moved) {
        return new ReadEventJson(moved.group().toString(), moved.reader().toString(), moved.upTo().format());
    }
}
