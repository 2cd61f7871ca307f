package com.cruddur.messaging.domain.application.usecase;

import com.cruddur.messaging.domain.application.port.out.ConversationStore;
import com.cruddur.messaging.domain.error.NotFoundException;
import com.cruddur.messaging.domain.model.MessageGroup;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.User;
import java.util.Objects;

/** Opens a group only to its members; to anyone else it does not exist. */
public final class Memberships {
    private final ConversationStore store;

    public Memberships(ConversationStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    public MessageGroup groupOfMember(MessageGroupId id, User member) {
        return store.group(id)
                .filter(group -> group.hasMember(member.id()))
                .orElseThrow(() -> NotFoundException.messageGroup(id.toString()));
    }
}
