package com.cruddur.messaging.domain.application.port.in;

/** A user follows the events of their own conversations, and only those, until they stop. */
public interface FollowEventsUseCase {
    Following follow(FollowEventsCommand command);

    /** An open follow; closing it stops the events. */
    interface Following extends AutoCloseable {
        @Override
        void close();
    }
}
