package com.cruddur.messaging.domain.application.usecase;

import com.cruddur.messaging.domain.application.port.in.ProjectReadMarkersCommand;
import com.cruddur.messaging.domain.application.port.in.ProjectReadMarkersUseCase;
import com.cruddur.messaging.domain.application.port.out.ConversationStore;
import com.cruddur.messaging.domain.application.port.out.Projection;
import java.util.Objects;

public final class ProjectReadMarkers implements ProjectReadMarkersUseCase {
    private final ConversationStore store;

    public ProjectReadMarkers(ConversationStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public Projection projectReadMarkers(ProjectReadMarkersCommand command) {
        return store.projectReads(command.markers());
    }
}
