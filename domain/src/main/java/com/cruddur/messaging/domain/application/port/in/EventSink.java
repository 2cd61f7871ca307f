package com.cruddur.messaging.domain.application.port.in;

import com.cruddur.messaging.domain.model.DeliveredEvent;

/**
 * Where a follower's events go (an open event stream). Called on the bus's thread: it must not block.
 *
 * <p>It says what {@code EventBus.Listener} says, and stays a type of its own: this is the driving side's (the HTTP
 * adapter hands it to {@code FollowEventsUseCase}, which passes on only the follower's events), the listener is the
 * driven side's (the bus hands it every event of the instance). One type for both would make the HTTP adapter
 * implement a driven port's interface.
 */
public interface EventSink {
    void deliver(DeliveredEvent event);

    /** Events may have been missed: the client should read its state again. */
    void resync();
}
