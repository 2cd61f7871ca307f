package com.cruddur.messaging.adapter.http.events;

import com.cruddur.messaging.domain.model.UserId;
import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerShutdownEvent;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * This instance's open event streams: their heartbeats, their end when the instance stops, and how many each
 * user has open at once ({@code cruddur.events.max-streams-per-user}; a browser has one per tab).
 */
@Singleton
class OpenStreams {
    private final Set<EventStream> open = ConcurrentHashMap.newKeySet();
    private final Set<EventStream> blocked = ConcurrentHashMap.newKeySet();
    private final Map<EventStream, UserId> followers = new ConcurrentHashMap<>();
    private final Map<UserId, Integer> perUser = new ConcurrentHashMap<>();
    private final int bufferSize;
    private final int maxPerUser;

    OpenStreams(@Value("${cruddur.events.buffer:256}") int bufferSize,
                @Value("${cruddur.events.max-streams-per-user:5}") int maxPerUser) {
        this.bufferSize = bufferSize;
        this.maxPerUser = maxPerUser;
    }

    /** A stream on a connection; {@code writable} tells whether the client keeps up with it. */
    EventStream open(BooleanSupplier writable) {
        EventStream[] created = new EventStream[1];
        created[0] = new EventStream(bufferSize, writable, blocked::add, () -> {
            open.remove(created[0]);
            blocked.remove(created[0]);
            release(created[0]);
        });
        open.add(created[0]);
        return created[0];
    }

    /**
     * Counts a stream, before it is attached to its connection, as its follower's: false when the follower
     * has as many open on this instance as allowed.
     */
    boolean assign(EventStream stream, UserId follower) {
        boolean[] assigned = {false};
        perUser.compute(follower, (user, count) -> {
            int now = count == null ? 0 : count;
            if (now >= maxPerUser) {
                return count;
            }
            followers.put(stream, user);
            assigned[0] = true;
            return now + 1;
        });
        return assigned[0];
    }

    private void release(EventStream stream) {
        UserId follower = followers.remove(stream);
        if (follower != null) {
            perUser.computeIfPresent(follower, (user, count) -> count <= 1 ? null : count - 1);
        }
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
