package com.cruddur.messaging.domain.application.usecase;

import com.cruddur.messaging.domain.application.port.in.ListMessageGroupsQuery;
import com.cruddur.messaging.domain.application.port.in.ListMessageGroupsUseCase;
import com.cruddur.messaging.domain.application.port.out.ConversationStore;
import com.cruddur.messaging.domain.model.GroupSummary;
import com.cruddur.messaging.domain.model.Page;
import java.util.Objects;

public final class ListMessageGroups implements ListMessageGroupsUseCase {
    private final Callers callers;
    private final ConversationStore store;

    public ListMessageGroups(Callers callers, ConversationStore store) {
        this.callers = Objects.requireNonNull(callers, "callers");
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public Page<GroupSummary> listMessageGroups(ListMessageGroupsQuery query) {
        return store.summaries(callers.identify(query.caller()).id(), query.page());
    }
}
