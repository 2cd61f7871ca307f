package com.cruddur.messaging.domain.application.usecase;

import com.cruddur.messaging.domain.application.port.in.ProjectMessageCommand;
import com.cruddur.messaging.domain.application.port.in.ProjectMessageUseCase;
import com.cruddur.messaging.domain.application.port.out.ConversationStore;
import com.cruddur.messaging.domain.application.port.out.Projection;
import java.util.Objects;

public final class ProjectMessage implements ProjectMessageUseCase {
    private final ConversationStore store;

    public ProjectMessage(ConversationStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public Projection projectMessage(ProjectMessageCommand command) {
        return store.project(command.stored());
    }
}
