package com.cruddur.messaging.domain.application.usecase;

import com.cruddur.messaging.domain.application.port.in.MarkGroupReadCommand;
import com.cruddur.messaging.domain.application.port.in.MarkGroupReadUseCase;
import com.cruddur.messaging.domain.application.port.out.ConversationStore;
import com.cruddur.messaging.domain.application.port.out.EventBus;
import com.cruddur.messaging.domain.model.ConversationEvent;
import com.cruddur.messaging.domain.model.ReadMarkers;
import com.cruddur.messaging.domain.model.Timestamp;
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
    private final EventBus events;

    public MarkGroupRead(Callers callers, Memberships memberships, ConversationStore store, EventBus events) {
        this.callers = Objects.requireNonNull(callers, "callers");
        this.memberships = Objects.requireNonNull(memberships, "memberships");
        this.store = Objects.requireNonNull(store, "store");
        this.events = Objects.requireNonNull(events, "events");
    }

    @Override
    public void markGroupRead(MarkGroupReadCommand command) {
        User reader = callers.identify(command.caller());
        MessageGroup group = memberships.groupOfMember(command.group(), reader);
        Optional<Message> upTo = command.upTo().isPresent()
                ? Optional.of(store.message(group.id(), command.upTo().get())
                        .orElseThrow(() -> NotFoundException.message(command.upTo().get().toString())))
                : store.latestMessage(group.id());
        if (upTo.isEmpty()) {
            return;
        }
        Timestamp at = upTo.get().createdAt();
        ReadMarkers markers = store.markRead(group.id(), reader.id(), at);
        if (markers.of(reader.id()).filter(at::equals).isPresent()) {
            events.publish(new ConversationEvent.ReadMarkerMoved(group.id(), reader.id(), at,
                    ConversationEvent.membersOf(group)));
        }
    }
}
