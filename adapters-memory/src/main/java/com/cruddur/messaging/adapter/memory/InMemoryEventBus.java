package com.cruddur.messaging.adapter.memory;

import com.cruddur.messaging.domain.application.port.out.EventBus;
import com.cruddur.messaging.domain.model.ConversationEvent;
import com.cruddur.messaging.domain.model.DeliveredEvent;
import com.cruddur.messaging.domain.model.UserId;
import com.cruddur.messaging.support.EventWindow;
import java.util.Optional;
import java.util.UUID;

/** The event bus of one process, for tests and the {@code memory} store: published events go straight to its window. */
public final class InMemoryEventBus implements EventBus {
    private final EventWindow window;

    public InMemoryEventBus(int windowSize) {
        this.window = new EventWindow(windowSize);
    }

    @Override
    public void publish(ConversationEvent event) {
        window.deliver(new DeliveredEvent(UUID.randomUUID().toString(), event));
    }

    /** It keeps events in its window only, which later events push out. */
    @Override
    public int forgetStoredEventsOf(UserId sender) {
        return 0;
    }

    @Override
    public Subscription subscribe(Optional<String> lastEventId, Listener listener) {
        return window.subscribe(lastEventId, listener);
    }

    /** Tells every open stream to resync and closes them: the process is stopping. */
    public void close() {
        window.closeAll();
    }
}
