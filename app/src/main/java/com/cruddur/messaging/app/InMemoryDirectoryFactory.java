package com.cruddur.messaging.app;

import com.cruddur.messaging.domain.adapter.out.memory.InMemoryUserDirectory;
import com.cruddur.messaging.domain.application.port.out.UserDirectory;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/** {@code cruddur.directory=memory}: the demo users, in this process only. */
@Factory
@Requires(property = StoreSelection.DIRECTORY_PROPERTY, value = "memory")
class InMemoryDirectoryFactory {

    @Singleton
    UserDirectory userDirectory() {
        var directory = new InMemoryUserDirectory();
        DemoUsers.ALL.forEach(directory::register);
        return directory;
    }
}
