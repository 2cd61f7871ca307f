package com.cruddur.messaging.domain.application.usecase;

import com.cruddur.messaging.domain.application.port.in.ShowMessageGroupQuery;
import com.cruddur.messaging.domain.application.port.in.ShowMessageGroupUseCase;
import com.cruddur.messaging.domain.application.port.out.ConversationStore;
import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.MessageGroup;
import com.cruddur.messaging.domain.model.MessageGroupDetails;
import java.util.Objects;

public final class ShowMessageGroup implements ShowMessageGroupUseCase {
    private final Callers callers;
    private final Memberships memberships;
    private final ConversationStore store;

    public ShowMessageGroup(Callers callers, Memberships memberships, ConversationStore store) {
        this.callers = Objects.requireNonNull(callers, "callers");
        this.memberships = Objects.requireNonNull(memberships, "memberships");
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public MessageGroupDetails showMessageGroup(ShowMessageGroupQuery query) {
        MessageGroup group = memberships.groupOfMember(query.group(), callers.identify(query.caller()));
        return new MessageGroupDetails(group, store.firstMessage(group.id()).map(Message::createdAt),
                store.readMarkers(group.id()));
    }
}
