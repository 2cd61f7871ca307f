package com.cruddur.messaging.domain.application.usecase;

import com.cruddur.messaging.domain.application.port.in.ListMessagesQuery;
import com.cruddur.messaging.domain.application.port.in.ListMessagesUseCase;
import com.cruddur.messaging.domain.application.port.out.ConversationStore;
import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.MessageGroup;
import com.cruddur.messaging.domain.model.Page;
import java.util.Objects;

public final class ListMessages implements ListMessagesUseCase {
    private final Callers callers;
    private final Memberships memberships;
    private final ConversationStore store;

    public ListMessages(Callers callers, Memberships memberships, ConversationStore store) {
        this.callers = Objects.requireNonNull(callers, "callers");
        this.memberships = Objects.requireNonNull(memberships, "memberships");
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public Page<Message> listMessages(ListMessagesQuery query) {
        MessageGroup group = memberships.groupOfMember(query.group(), callers.identify(query.caller()));
        return store.messages(group.id(), query.page());
    }
}
