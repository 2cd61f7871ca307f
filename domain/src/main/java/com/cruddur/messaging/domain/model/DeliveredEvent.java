package com.cruddur.messaging.domain.model;

import java.util.Objects;

/**
 * An event as every instance delivers it: with the id its publisher gave it, the same everywhere, which a
 * reconnecting client sends back to get what it missed.
 */
public record DeliveredEvent(String id, ConversationEvent event) {
    public DeliveredEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(event, "event");
    }
}
