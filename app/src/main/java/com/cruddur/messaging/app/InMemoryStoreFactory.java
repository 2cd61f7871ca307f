package com.cruddur.messaging.app;

import com.cruddur.messaging.adapter.memory.InMemoryConversationStore;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/** {@code cruddur.store=memory}: conversations live in this process only. */
@Factory
@Requires(property = StoreSelection.PROPERTY, value = "memory")
class InMemoryStoreFactory {

    @Singleton
    InMemoryConversationStore conversationStore() {
        return new InMemoryConversationStore();
    }
}
