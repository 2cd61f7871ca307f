package com.cruddur.messaging.domain.application.port.in;

import com.cruddur.messaging.domain.model.DeliveredEvent;

/** Where a follower's events go (an open event stream). Called on the bus's thread: it must not block. */
public interface EventSink {
    void deliver(DeliveredEvent event);

    /** Events may have been missed: the client should read its state again. */
    void resync();
}
