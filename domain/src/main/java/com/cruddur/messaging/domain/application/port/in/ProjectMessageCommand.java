package com.cruddur.messaging.domain.application.port.in;

import com.cruddur.messaging.domain.model.Message;
import java.util.List;
import java.util.Objects;

/** Stored messages of one group, as the store's change stream delivered them (any order, perhaps again). */
public record ProjectMessageCommand(List<Message> stored) {
    public ProjectMessageCommand {
        stored = List.copyOf(Objects.requireNonNull(stored, "stored"));
        if (stored.isEmpty() || stored.stream().map(Message::groupId).distinct().count() != 1) {
            throw new IllegalArgumentException("messages of exactly one group");
        }
    }

    public ProjectMessageCommand(Message stored) {
        this(List.of(stored));
    }
}
