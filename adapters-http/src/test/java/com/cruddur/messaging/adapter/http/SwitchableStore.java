package com.cruddur.messaging.adapter.http;

import com.cruddur.messaging.domain.application.port.out.ConversationStore;
import com.cruddur.messaging.domain.application.port.out.GroupCreation;
import com.cruddur.messaging.domain.application.port.out.Projection;
import com.cruddur.messaging.domain.error.StoreUnavailableException;
import com.cruddur.messaging.domain.model.GroupSummary;
import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.MessageGroup;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.MessageId;
import com.cruddur.messaging.domain.model.NewMessage;
import com.cruddur.messaging.domain.model.ReadMarkers;
import com.cruddur.messaging.domain.model.Timestamp;
import com.cruddur.messaging.domain.model.Page;
import com.cruddur.messaging.domain.model.PageRequest;
import com.cruddur.messaging.domain.model.UserId;
import com.cruddur.messaging.domain.model.UserPair;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** A real store that a test can take down, the way a store adapter reports an outage. */
final class SwitchableStore implements ConversationStore {
    private final ConversationStore store;
    private volatile boolean down;

    SwitchableStore(ConversationStore store) {
        this.store = store;
    }

    void down(boolean isDown) {
        this.down = isDown;
    }

    private <T> T call(Supplier<T> operation) {
        if (down) {
            throw new StoreUnavailableException("TestStore", new IllegalStateException("switched off by the test"));
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
    public Optional<Message> message(MessageGroupId group, MessageId id) {
        return call(() -> store.message(group, id));
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
