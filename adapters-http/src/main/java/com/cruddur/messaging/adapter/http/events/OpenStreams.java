package com.cruddur.messaging.adapter.http.events;

import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerShutdownEvent;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/** This instance's open event streams: their heartbeats, and their end when the instance stops. */
@Singleton
class OpenStreams {
    private final Set<EventStream> open = ConcurrentHashMap.newKeySet();
    private final Set<EventStream> blocked = ConcurrentHashMap.newKeySet();
    private final int bufferSize;

    OpenStreams(@Value("${cruddur.events.buffer:256}") int bufferSize) {
        this.bufferSize = bufferSize;
    }

    /** A stream on a connection; {@code writable} tells whether the client keeps up with it. */
    EventStream open(BooleanSupplier writable) {
        EventStream[] created = new EventStream[1];
        created[0] = new EventStream(bufferSize, writable, blocked::add, () -> {
            open.remove(created[0]);
            blocked.remove(created[0]);
        });
        open.add(created[0]);
        return created[0];
    }

    /** A stream whose follow was refused, before anyone could write to it. */
    void discard(EventStream stream) {
        open.remove(stream);
    }

    /** Streams whose client lagged get their waiting events as soon as the connection drains. */
    @Scheduled(fixedDelay = "${cruddur.events.retry:20ms}")
    void retryBlocked() {
        for (EventStream stream : blocked) {
            blocked.remove(stream);
            stream.retry();
        }
    }

    @Scheduled(fixedDelay = "${cruddur.events.heartbeat:25s}", initialDelay = "${cruddur.events.heartbeat:25s}")
    void heartbeat() {
        open.forEach(EventStream::heartbeat);
    }

    /**
     * Graceful shutdown: every client is told to resync, so that it reconnects to another instance. Done as
     * soon as the server starts stopping: its event loops close the connections once idle for their quiet
     * period, which can pass before the rest of the context (and this bean's destruction) has stopped.
     */
    @EventListener
    void onServerStopping(ServerShutdownEvent stopping) {
        closeAll();
    }

    /** The same for a context stopped without a server shutdown event; a stream told twice ignores the second. */
    @PreDestroy
    void closeAll() {
        open.forEach(EventStream::resync);
    }
}
