package com.cruddur.messaging.domain.application.usecase;

import com.cruddur.messaging.domain.application.port.in.SendMessageToGroupCommand;
import com.cruddur.messaging.domain.application.port.in.SendMessageToGroupUseCase;
import com.cruddur.messaging.domain.application.port.out.ConversationStore;
import com.cruddur.messaging.domain.application.port.out.EventBus;
import com.cruddur.messaging.domain.model.ConversationEvent;
import com.cruddur.messaging.domain.model.NewMessage;
import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.MessageGroup;
import com.cruddur.messaging.domain.model.User;
import java.util.Objects;

public final class SendMessageToGroup implements SendMessageToGroupUseCase {
    private final Callers callers;
    private final Memberships memberships;
    private final Blocking blocking;
    private final Drafts drafts;
    private final ConversationStore store;
    private final EventBus events;

    public SendMessageToGroup(Callers callers, Memberships memberships, Blocking blocking, Drafts drafts,
                              ConversationStore store, EventBus events) {
        this.callers = Objects.requireNonNull(callers, "callers");
        this.memberships = Objects.requireNonNull(memberships, "memberships");
        this.blocking = Objects.requireNonNull(blocking, "blocking");
        this.drafts = Objects.requireNonNull(drafts, "drafts");
        this.store = Objects.requireNonNull(store, "store");
        this.events = Objects.requireNonNull(events, "events");
    }

    @Override
    public Message sendToGroup(SendMessageToGroupCommand command) {
        User sender = callers.identify(command.caller());
        MessageGroup group = memberships.groupOfMember(command.group(), sender);
        blocking.requireMayReach(sender.id(), group.otherThan(sender.id()));
        NewMessage draft = drafts.from(sender, command.text(), command.clientId());
        Message stored = store.append(group.id(), draft);
        // A retry (same client_message_id) announces the message again: the first attempt's announcement may
        // never have gone out (its instance died after storing it). Followers key on the message's uuid.
        events.publish(new ConversationEvent.MessageSent(stored, ConversationEvent.membersOf(group)));
        return stored;
    }
}
