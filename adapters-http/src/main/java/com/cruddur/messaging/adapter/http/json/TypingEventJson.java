package com.cruddur.messaging.adapter.http.json;

import com.cruddur.messaging.domain.model.ConversationEvent;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

/** The data of a {@code typing} event: who is typing in which group, and for how many seconds to show it. */
@Serdeable
public record TypingEventJson(
        @JsonProperty("message_group_uuid") String messageGroupUuid,
        @JsonProperty("user_uuid") String userUuid,
        @JsonProperty("expires_in") long expiresIn) {

    public static TypingEventJson of(ConversationEvent.Typing typing) {
        return new TypingEventJson(typing.group().toString(), typing.typist().toString(),
                ConversationEvent.Typing.SHOWN_FOR.toSeconds());
    }
}
