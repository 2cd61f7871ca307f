package com.cruddur.messaging.app;

import com.cruddur.messaging.adapter.memory.InMemoryUserDirectory;
import com.cruddur.messaging.domain.application.port.out.UserDirectory;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import com.cruddur.messaging.support.EventWindow;
import com.cruddur.messaging.adapter.memory.InMemoryEventBus;
import com.cruddur.messaging.adapter.memory.InMemoryBlocks;
import com.cruddur.messaging.adapter.memory.InMemoryEventTickets;
import com.cruddur.messaging.domain.application.port.out.Blocks;
import com.cruddur.messaging.domain.application.port.out.EventTickets;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Value;

/** {@code cruddur.directory=memory}: the demo users, event tickets, blocks and the event bus, in this process only. */
@Factory
@Requires(property = StoreSelection.DIRECTORY_PROPERTY, value = "memory")
class InMemoryDirectoryFactory {

    @Singleton
    UserDirectory userDirectory() {
        var directory = new InMemoryUserDirectory();
        DemoUsers.ALL.forEach(directory::register);
        return directory;
    }

    @Singleton
    @Bean(preDestroy = "close")
    InMemoryEventBus eventBus(@Value("${cruddur.events.window:" + EventWindow.DEFAULT_SIZE + "}") int window) {
        return new InMemoryEventBus(window);
    }

    @Singleton
    EventTickets eventTickets() {
        return new InMemoryEventTickets();
    }

    @Singleton
    Blocks blocks() {
        return new InMemoryBlocks();
    }
}
