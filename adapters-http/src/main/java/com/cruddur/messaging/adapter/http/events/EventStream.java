package com.cruddur.messaging.adapter.http.events;

import com.cruddur.messaging.adapter.http.json.ReadEventJson;
import com.cruddur.messaging.adapter.http.json.SentMessageJson;
import com.cruddur.messaging.adapter.http.json.TypingEventJson;
import com.cruddur.messaging.domain.application.port.in.EventSink;
import com.cruddur.messaging.domain.application.port.in.FollowEventsUseCase;
import com.cruddur.messaging.domain.model.ConversationEvent;
import com.cruddur.messaging.domain.model.DeliveredEvent;
import io.micronaut.http.sse.Event;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/**
 * One client's open stream: what the bus delivers waits here, bounded, until the connection can take
 * it. The server asks for the next event as soon as the previous one is handed to the connection, so
 * whether the client keeps up is read from the connection itself ({@code writable}: its outgoing buffer
 * is below Netty's high-water mark). A client that stops reading fills its buffer and is cut off with
 * {@code resync} (its buffer is dropped; it reads its state again when it reconnects), so it never holds
 * memory or slows anyone else: the bus only ever adds to a queue here.
 */
final class EventStream implements EventSink {
    static final String RESYNC = "resync";
    private static final Duration RECONNECT_AFTER = Duration.ofSeconds(2);

    private final int capacity;
    private final Deque<Event<?>> pending = new ArrayDeque<>();
    private final BooleanSupplier writable;
    private final Consumer<EventStream> blocked;
    private final Runnable onEnd;
    private FluxSink<Event<?>> sink;
    private FollowEventsUseCase.Following following;
    private long demand;
    private boolean ending;

    EventStream(int capacity, BooleanSupplier writable, Consumer<EventStream> blocked, Runnable onEnd) {
        this.capacity = capacity;
        this.writable = writable;
        this.blocked = blocked;
        this.onEnd = onEnd;
        // A comment first: the response (and its 200) starts at once, not with the first event, and the
        // client is told how soon to reconnect when the stream ends.
        pending.add(Event.of("").comment("open").retry(RECONNECT_AFTER));
    }

    /** The stream the connection writes; it starts with what arrived before the client was attached. */
    Flux<Event<?>> flux(FollowEventsUseCase.Following following) {
        synchronized (this) {
            this.following = following;
        }
        return Flux.create(this::attach);
    }

    private synchronized void attach(FluxSink<Event<?>> attached) {
        sink = attached;
        attached.onRequest(requested -> {
            synchronized (this) {
                demand = demand + requested < 0 ? Long.MAX_VALUE : demand + requested;
                drain();
            }
        });
        attached.onDispose(this::end);
        drain();
    }

    @Override
    public synchronized void deliver(DeliveredEvent delivered) {
        if (ending) {
            return;
        }
        if (pending.size() >= capacity) {
            pending.clear();
            resync();
            return;
        }
        pending.addLast(eventOf(delivered));
        drain();
    }

    @Override
    public synchronized void resync() {
        if (ending) {
            return;
        }
        ending = true;
        pending.addLast(Event.of(Map.of("reason", "read your conversations again")).name(RESYNC));
        drain();
    }

    /** A comment line, which keeps proxies from closing an idle connection; skipped when the client lags. */
    synchronized void heartbeat() {
        if (!ending && pending.isEmpty() && demand > 0 && sink != null && writable.getAsBoolean()) {
            sink.next(Event.of("").comment("heartbeat"));
            demand--;
        }
    }

    /** Tries again to hand over what waits (the connection may have drained meanwhile). */
    synchronized void retry() {
        drain();
    }

    private void drain() {
        if (sink == null) {
            return;
        }
        while (demand > 0 && !pending.isEmpty()) {
            // The final resync goes out regardless: the connection closes after it.
            if (!ending && !writable.getAsBoolean()) {
                blocked.accept(this);
                return;
            }
            sink.next(pending.removeFirst());
            demand--;
        }
        if (ending && pending.isEmpty()) {
            sink.complete();
        }
    }

    private void end() {
        FollowEventsUseCase.Following toClose;
        synchronized (this) {
            ending = true;
            pending.clear();
            toClose = following;
        }
        if (toClose != null) {
            toClose.close();
        }
        onEnd.run();
    }

    private static Event<?> eventOf(DeliveredEvent delivered) {
        if (delivered.event() instanceof ConversationEvent.MessageSent sent) {
            // The message as POST /api/messages answers it, which names its group.
            return Event.of(SentMessageJson.of(sent.message())).id(delivered.id()).name("message");
        }
        if (delivered.event() instanceof ConversationEvent.MessageRevised revised) {
            return Event.of(SentMessageJson.of(revised.message())).id(delivered.id())
                    .name(revised.message().isDeleted() ? "message_deleted" : "message_edited");
        }
        if (delivered.event() instanceof ConversationEvent.ReadMarkerMoved read) {
            return Event.of(ReadEventJson.of(read)).id(delivered.id()).name("read");
        }
        if (delivered.event() instanceof ConversationEvent.Typing typing) {
            return Event.of(TypingEventJson.of(typing)).id(delivered.id()).name("typing");
        }
        throw new IllegalStateException("not an event streams carry (FollowEvents keeps block changes): " + delivered);
    }
}
