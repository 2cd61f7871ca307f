package com.cruddur.messaging.app;

import com.cruddur.messaging.domain.application.port.out.Blocks;
import com.cruddur.messaging.domain.application.port.out.EventBus;
import com.cruddur.messaging.domain.model.ConversationEvent;
import com.cruddur.messaging.domain.model.DeliveredEvent;
import com.cruddur.messaging.domain.model.UserId;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Blocks as every send asks them (does the recipient block the sender?): kept per instance, so that a send does not
 * ask PostgreSQL, and kept current through the event bus — each block or unblock, on any instance, is announced
 * ({@link ConversationEvent.BlockChanged}) and applied here as it arrives, within the bus's delivery time (well under
 * a second). When the bus may have lost events it says so ({@link #resync}) and everything kept is dropped; a
 * blocker's list is also read again after {@link #KEPT_FOR} whatever happens, bounding a stale entry's life.
 */
final class CachedBlocks implements Blocks, EventBus.Listener, AutoCloseable {
    static final Duration KEPT_FOR = Duration.ofMinutes(5);
    private static final int MAXIMUM_BLOCKERS = 100_000;

    private final Blocks blocks;
    private final Cache<UserId, List<UserId>> byBlocker = Caffeine.newBuilder()
            .maximumSize(MAXIMUM_BLOCKERS).expireAfterWrite(KEPT_FOR).build();
    private final EventBus.Subscription subscription;

    CachedBlocks(Blocks blocks, EventBus bus) {
        this.blocks = blocks;
        this.subscription = bus.subscribe(Optional.empty(), this);
    }

    @Override
    public boolean block(UserId blocker, UserId blocked) {
        boolean made = blocks.block(blocker, blocked);
        apply(blocker, blocked, true); // this instance at once; the others when the announcement comes
        return made;
    }

    @Override
    public boolean unblock(UserId blocker, UserId blocked) {
        boolean lifted = blocks.unblock(blocker, blocked);
        apply(blocker, blocked, false);
        return lifted;
    }

    @Override
    public List<UserId> blockedBy(UserId blocker) {
        return byBlocker.get(blocker, key -> List.copyOf(blocks.blockedBy(key)));
    }

    @Override
    public void deliver(DeliveredEvent delivered) {
        if (delivered.event() instanceof ConversationEvent.BlockChanged change) {
            apply(change.blocker(), change.blocked(), change.blocking());
        }
    }

    /** Changes a kept list only (one not kept is read when asked for, with the change in it); again is no change. */
    private void apply(UserId blocker, UserId blocked, boolean blocking) {
        byBlocker.asMap().computeIfPresent(blocker, (key, kept) -> {
            List<UserId> now = new ArrayList<>(kept);
            now.remove(blocked);
            if (blocking) {
                now.add(0, blocked);
            }
            return List.copyOf(now);
        });
    }

    @Override
    public void resync() {
        byBlocker.invalidateAll();
    }

    @Override
    public void close() {
        subscription.close();
    }
}
