package com.cruddur.messaging.domain.application.usecase;

import com.cruddur.messaging.domain.application.port.in.EditMessageCommand;
import com.cruddur.messaging.domain.application.port.in.EditMessageUseCase;
import com.cruddur.messaging.domain.application.port.out.Clock;
import com.cruddur.messaging.domain.application.port.out.EventBus;
import com.cruddur.messaging.domain.error.ConflictException;
import com.cruddur.messaging.domain.model.ConversationEvent;
import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.MessageGroup;
import com.cruddur.messaging.domain.model.User;
import java.util.Objects;
import java.util.Optional;

public final class EditMessage implements EditMessageUseCase {
    private final Callers callers;
    private final Memberships memberships;
    private final OwnMessages messages;
    private final Clock clock;
    private final EventBus events;

    public EditMessage(Callers callers, Memberships memberships, OwnMessages messages, Clock clock, EventBus events) {
        this.callers = Objects.requireNonNull(callers, "callers");
        this.memberships = Objects.requireNonNull(memberships, "memberships");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.events = Objects.requireNonNull(events, "events");
    }

    @Override
    public Message editMessage(EditMessageCommand command) {
        User sender = callers.identify(command.caller());
        MessageGroup group = memberships.groupOfMember(command.group(), sender);
        Message edited = messages.revise(group, command.message(), sender, clock.now(), (current, at) -> {
            if (current.isDeleted()) {
                throw ConflictException.messageDeleted();
            }
            return Optional.of(current.edited(command.text(), at));
        }).orElseThrow();
        events.publish(new ConversationEvent.MessageRevised(edited, ConversationEvent.membersOf(group)));
        return edited;
    }
}
