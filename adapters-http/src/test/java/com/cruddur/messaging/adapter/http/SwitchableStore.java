package com.cruddur.messaging.adapter.http;

import com.cruddur.messaging.domain.application.port.out.ConversationStore;
import com.cruddur.messaging.domain.application.port.out.Erasures;
import com.cruddur.messaging.domain.application.port.out.GroupCreation;
import com.cruddur.messaging.domain.application.port.out.Projection;
import com.cruddur.messaging.domain.error.StoreUnavailableException;
import com.cruddur.messaging.domain.model.GroupSummary;
import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.MessageGroup;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.MessageId;
import com.cruddur.messaging.domain.model.NewMessage;
import com.cruddur.messaging.domain.model.Page;
import com.cruddur.messaging.domain.model.PageRequest;
import com.cruddur.messaging.domain.model.ReadMarkers;
import com.cruddur.messaging.domain.model.Timestamp;
import com.cruddur.messaging.domain.model.UserId;
import com.cruddur.messaging.domain.model.UserPair;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A real store that a test can take down, the way a store adapter reports an outage, or hold: every call
 * waits until released, and the most calls in the store at once are counted.
 */
final class SwitchableStore implements ConversationStore {
    private final ConversationStore store;
    private final AtomicInteger inStore = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private volatile boolean down;
    private volatile CountDownLatch held;

    SwitchableStore(ConversationStore store) {
        this.store = store;
    }

    /** What the store underneath forgets of an erased user (not switchable: the erasure's tests need no outage). */
    Erasures erasures() {
        return (Erasures) store;
    }

    void down(boolean isDown) {
        this.down = isDown;
    }

    void hold() {
        mostAtOnce.set(0);
        held = new CountDownLatch(1);
    }

    int heldNow() {
        return inStore.get();
    }

    /** Lets the held calls go on; returns how many were in the store at once at the most. */
    int release() {
        CountDownLatch gate = held;
        held = null;
        gate.countDown();
        return mostAtOnce.get();
    }

    private <T> T call(Supplier<T> operation) {
        if (down) {
            throw new StoreUnavailableException("TestStore", new IllegalStateException("switched off by the test"));
        }
        CountDownLatch gate = held;
        if (gate != null) {
            mostAtOnce.accumulateAndGet(inStore.incrementAndGet(), Math::max);
            try {
                gate.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inStore.decrementAndGet();
            }
        }
        return operation.get();
    }

    @Override
    public Optional<MessageGroup> group(MessageGroupId id) {
        return call(() -> store.group(id));
    }

    @Override
    public Optional<MessageGroupId> groupOf(UserPair pair) {
        return call(() -> store.groupOf(pair));
    }

    @Override
    public GroupCreation create(MessageGroup group, NewMessage first) {
        return call(() -> store.create(group, first));
    }

    @Override
    public Message append(MessageGroupId group, NewMessage message) {
        return call(() -> store.append(group, message));
    }

    @Override
    public Page<Message> messages(MessageGroupId group, PageRequest page) {
        return call(() -> store.messages(group, page));
    }

    @Override
    public Page<GroupSummary> summaries(UserId owner, PageRequest page) {
        return call(() -> store.summaries(owner, page));
    }

    @Override
    public Optional<Message> latestMessage(MessageGroupId group) {
        return call(() -> store.latestMessage(group));
    }

    @Override
    public Optional<Message> firstMessage(MessageGroupId group) {
        return call(() -> store.firstMessage(group));
    }

    @Override
    public ReadMarkers readMarkers(MessageGroupId group) {
        return call(() -> store.readMarkers(group));
    }

    @Override
    public Optional<Message> message(MessageGroupId group, MessageId id) {
        return call(() -> store.message(group, id));
    }

    @Override
    public boolean revise(Message current, Message next) {
        return call(() -> store.revise(current, next));
    }

    @Override
    public ReadMarkers markRead(MessageGroupId group, UserId reader, Timestamp upTo) {
        return call(() -> store.markRead(group, reader, upTo));
    }

    @Override
    public Projection project(List<Message> storedInOneGroup) {
        return call(() -> store.project(storedInOneGroup));
    }

    @Override
    public Projection projectReads(ReadMarkers markers) {
        return call(() -> store.projectReads(markers));
    }
}
