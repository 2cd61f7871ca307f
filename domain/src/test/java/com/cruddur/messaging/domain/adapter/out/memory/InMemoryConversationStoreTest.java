package com.cruddur.messaging.domain.adapter.out.memory;

import com.cruddur.messaging.domain.application.port.out.ConversationStore;
import com.cruddur.messaging.domain.contract.ConversationStoreContract;

class InMemoryConversationStoreTest extends ConversationStoreContract {
    private final InMemoryConversationStore store = new InMemoryConversationStore();

    @Override
    protected ConversationStore store() {
        return store;
    }
}
