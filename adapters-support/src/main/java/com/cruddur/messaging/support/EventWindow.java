package com.cruddur.messaging.support;

import com.cruddur.messaging.domain.application.port.out.EventBus;
import com.cruddur.messaging.domain.model.DeliveredEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What every {@link EventBus} adapter shares (so it sits outside the adapters, which may not use each
 * other). One instance's side of an event bus: the window of the latest events (bounded, so memory stays flat)
 * and the listeners of this instance. Every bus delivers here in its shared order; a subscriber who names
 * an event still in the window gets what followed it, anyone else a resync.
 */
public final class EventWindow {
    /** About the events of a busy minute: enough to cover a reconnect, small enough to keep in memory. */
    public static final int DEFAULT_SIZE = 10_000;

    private final int size;
    private final Deque<DeliveredEvent> recent = new ArrayDeque<>();
    private final List<EventBus.Listener> listeners = new CopyOnWriteArrayList<>();

    public EventWindow(int size) {
        this.size = size;
    }

    /** Keeps the event in the window and hands it to every listener. */
    public void deliver(DeliveredEvent event) {
        synchronized (recent) {
            recent.addLast(event);
            if (recent.size() > size) {
                recent.removeFirst();
            }
            // Under the lock, so that a subscriber's replay and the live events it gets never overlap or miss one.
            for (EventBus.Listener listener : listeners) {
                listener.deliver(event);
            }
        }
    }

    /** Events may have been lost (the bus was cut off): every listener resyncs, and no old id can be resumed. */
    public void lostEvents() {
        synchronized (recent) {
            recent.clear();
            listeners.forEach(EventBus.Listener::resync);
        }
    }

    public EventBus.Subscription subscribe(Optional<String> lastEventId, EventBus.Listener listener) {
        synchronized (recent) {
            if (lastEventId.isPresent()) {
                Optional<List<DeliveredEvent>> missed = after(lastEventId.get());
                if (missed.isPresent()) {
                    missed.get().stream().filter(event -> event.event().replayedOnResume()).forEach(listener::deliver);
                } else {
                    listener.resync();
                }
            }
            listeners.add(listener);
        }
        return () -> listeners.remove(listener);
    }

    /** Every listener is told to resync, then forgotten: this instance stops (clients reconnect elsewhere). */
    public void closeAll() {
        synchronized (recent) {
            listeners.forEach(EventBus.Listener::resync);
            listeners.clear();
        }
    }

    private Optional<List<DeliveredEvent>> after(String id) {
        List<DeliveredEvent> missed = new ArrayList<>();
        boolean found = false;
        for (DeliveredEvent event : recent) {
            if (found) {
                missed.add(event);
            } else if (event.id().equals(id)) {
                found = true;
            }
        }
        return found ? Optional.of(missed) : Optional.empty();
    }
}
