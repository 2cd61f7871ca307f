package com.cruddur.messaging.adapter.memory;

import com.cruddur.messaging.domain.application.port.out.Blocks;
import com.cruddur.messaging.domain.model.UserId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Blocks of one process (the {@code memory} store's deployment is one process). */
public final class InMemoryBlocks implements Blocks {
    /** Per blocker, in the order blocked. */
    private final Map<UserId, Set<UserId>> blocks = new ConcurrentHashMap<>();

    @Override
    public boolean block(UserId blocker, UserId blocked) {
        Set<UserId> of = blocks.computeIfAbsent(blocker, key -> Collections.synchronizedSet(new LinkedHashSet<>()));
        return of.add(blocked);
    }

    @Override
    public boolean unblock(UserId blocker, UserId blocked) {
        Set<UserId> of = blocks.get(blocker);
        return of != null && of.remove(blocked);
    }

    @Override
    public List<UserId> blockedBy(UserId blocker) {
        Set<UserId> of = blocks.getOrDefault(blocker, Set.of());
        List<UserId> latestFirst;
        synchronized (of) {
            latestFirst = new ArrayList<>(of);
        }
        Collections.reverse(latestFirst);
        return latestFirst;
    }
}
