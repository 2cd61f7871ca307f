package com.cruddur.messaging.app;

import com.cruddur.messaging.domain.adapter.out.memory.InMemoryConversationStore;
import com.cruddur.messaging.domain.adapter.out.memory.InMemoryUserDirectory;
import com.cruddur.messaging.domain.application.port.out.ConversationStore;
import com.cruddur.messaging.domain.application.port.out.UserDirectory;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/** {@code cruddur.store=memory}: conversations and users live in this process only, with the demo users registered. */
@Factory
@Requires(property = StoreSelection.PROPERTY, value = "memory")
class InMemoryStoreFactory {

    @Singleton
    ConversationStore conversationStore() {
        return new InMemoryConversationStore();
    }

    @Singleton
    UserDirectory userDirectory() {
        var directory = new InMemoryUserDirectory();
        DemoUsers.ALL.forEach(directory::register);
        return directory;
    }
}
