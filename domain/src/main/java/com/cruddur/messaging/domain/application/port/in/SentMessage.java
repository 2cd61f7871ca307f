package com.cruddur.messaging.domain.application.port.in;

import com.cruddur.messaging.domain.model.Message;
import java.util.Objects;

/** The stored message, and whether sending it started a new conversation. */
public record SentMessage(Message message, boolean groupCreated) {
    public SentMessage {
        Objects.requireNonNull(message, "message");
    }
}
