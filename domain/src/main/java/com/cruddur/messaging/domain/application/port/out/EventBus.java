package com.cruddur.messaging.domain.application.port.out;

import com.cruddur.messaging.domain.model.ConversationEvent;
import com.cruddur.messaging.domain.model.DeliveredEvent;
import com.cruddur.messaging.domain.model.UserId;
import java.util.Optional;

/**
 * Carries conversation events to every instance's open streams, in one order that all instances share.
 * Each instance keeps a bounded window of recent events so that a client can resume after the last one
 * it got; a client that cannot be resumed exactly (its event is too old or unknown, or the bus lost
 * events) is told to {@link Listener#resync}.
 */
public interface EventBus {

    /**
     * Sends the event to every instance, returning once the bus has it (every instance's listener will
     * get it, in the shared order). When the bus cannot take it in time, this instance's streams are told to
     * resync and {@link com.cruddur.messaging.domain.error.StoreUnavailableException} is thrown: the change
     * the event announces is stored but unannounced, so the caller must not report success — a client then
     * retries, and the retry announces it.
     */
    void publish(ConversationEvent event);

    /**
     * Listens from now on, after first replaying what came after {@code lastEventId} (or telling the
     * listener to resync if that cannot be done exactly).
     */
    Subscription subscribe(Optional<String> lastEventId, Listener listener);

    /**
     * Removes the copies of events of this sender's messages that the bus keeps in a store of its own (beyond the
     * instances' windows in memory, which later events push out); returns how many. Part of erasing a user's data.
     */
    int forgetStoredEventsOf(UserId sender);

    /**
     * Receives events on the bus's thread: it must not block. (The use case that follows a user's events is the
     * listener and filters them for its follower's {@code EventSink}, the driving side's twin of this type.)
     */
    interface Listener {
        void deliver(DeliveredEvent event);

        /** Events may have been missed: the client should read its state again. */
        void resync();
    }

    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
