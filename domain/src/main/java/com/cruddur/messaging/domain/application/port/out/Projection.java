package com.cruddur.messaging.domain.application.port.out;

/** What {@link ConversationStore#project} did: how many summaries moved forward and how many were already current. */
public record Projection(int moved, int alreadyCurrent) {
    public Projection {
        if (moved < 0 || alreadyCurrent < 0) {
            throw new IllegalArgumentException("counts are never negative");
        }
    }
}
