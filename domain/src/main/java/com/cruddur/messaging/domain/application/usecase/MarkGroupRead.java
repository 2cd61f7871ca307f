package com.cruddur.messaging.domain.application.usecase;

import com.cruddur.messaging.domain.application.port.in.MarkGroupReadCommand;
import com.cruddur.messaging.domain.application.port.in.MarkGroupReadUseCase;
import com.cruddur.messaging.domain.application.port.out.ConversationStore;
import com.cruddur.messaging.domain.error.NotFoundException;
import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.MessageGroup;
import com.cruddur.messaging.domain.model.User;
import java.util.Objects;
import java.util.Optional;

public final class MarkGroupRead implements MarkGroupReadUseCase {
    private final Callers callers;
    private final Memberships memberships;
    private final ConversationStore store;

    public MarkGroupRead(Callers callers, Memberships memberships, ConversationStore store) {
        this.callers = Objects.requireNonNull(callers, "callers");
        this.memberships = Objects.requireNonNull(memberships, "memberships");
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public void markGroupRead(MarkGroupReadCommand command) {
        User reader = callers.identify(command.caller());
        MessageGroup group = memberships.groupOfMember(command.group(), reader);
        Optional<Message> upTo = command.upTo().isPresent()
                ? Optional.of(store.message(group.id(), command.upTo().get())
                        .orElseThrow(() -> NotFoundException.message(command.upTo().get().toString())))
                : store.latestMessage(group.id());
        upTo.ifPresent(message -> store.markRead(group.id(), reader.id(), message.createdAt()));
    }
}
