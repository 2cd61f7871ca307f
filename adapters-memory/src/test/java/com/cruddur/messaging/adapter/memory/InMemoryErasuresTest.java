package com.cruddur.messaging.adapter.memory;

import com.cruddur.messaging.domain.contract.ErasuresContract;

class InMemoryErasuresTest extends ErasuresContract {
    private final InMemoryConversationStore store = new InMemoryConversationStore();

    @Override
    @SuppressWarnings("unchecked")
    protected InMemoryConversationStore store() {
        return store;
    }

    @Override
    protected boolean holdsText(String text) {
        return InMemoryConversationStoreTest.holds(store, text);
    }
}
