package com.cruddur.messaging.domain.application.usecase;

import com.cruddur.messaging.domain.application.port.in.DeleteMessageCommand;
import com.cruddur.messaging.domain.application.port.in.DeleteMessageUseCase;
import com.cruddur.messaging.domain.application.port.out.Clock;
import com.cruddur.messaging.domain.application.port.out.EventBus;
import com.cruddur.messaging.domain.model.ConversationEvent;
import com.cruddur.messaging.domain.model.MessageGroup;
import com.cruddur.messaging.domain.model.User;
import java.util.Objects;
import java.util.Optional;

public final class DeleteMessage implements DeleteMessageUseCase {
    private final Callers callers;
    private final Memberships memberships;
    private final OwnMessages messages;
    private final Clock clock;
    private final EventBus events;

    public DeleteMessage(Callers callers, Memberships memberships, OwnMessages messages, Clock clock, EventBus events) {
        this.callers = Objects.requireNonNull(callers, "callers");
        this.memberships = Objects.requireNonNull(memberships, "memberships");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.events = Objects.requireNonNull(events, "events");
    }

    /** A message already deleted is left as it is, and nobody is told again. */
    @Override
    public void deleteMessage(DeleteMessageCommand command) {
        User sender = callers.identify(command.caller());
        MessageGroup group = memberships.groupOfMember(command.group(), sender);
        messages.revise(group, command.message(), sender, clock.now(),
                        (current, at) -> current.isDeleted() ? Optional.empty() : Optional.of(current.deleted(at)))
                .ifPresent(tombstone -> events.publish(
                        new ConversationEvent.MessageRevised(tombstone, ConversationEvent.membersOf(group))));
    }
}
