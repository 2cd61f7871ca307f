package com.cruddur.messaging.domain.application.port.in;

import com.cruddur.messaging.domain.model.UserId;

/** A user follows the events of their own conversations, and only those, until they stop. */
public interface FollowEventsUseCase {
    Following follow(FollowEventsCommand command);

    /** An open follow; closing it stops the events. */
    interface Following extends AutoCloseable {
        /** Whose events these are (a ticket names its user only when redeemed). */
        UserId follower();

        @Override
        void close();
    }
}
