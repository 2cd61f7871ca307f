package com.cruddur.messaging.adapter.memory;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cruddur.messaging.domain.application.port.out.UserDirectory;
import com.cruddur.messaging.domain.contract.UserDirectoryContract;
import com.cruddur.messaging.domain.fixtures.Profiles;
import com.cruddur.messaging.domain.model.Handle;
import com.cruddur.messaging.domain.model.User;
import com.cruddur.messaging.domain.model.UserId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InMemoryUserDirectoryTest extends UserDirectoryContract {

    @Override
    protected UserDirectory directoryWith(List<User> users) {
        var directory = new InMemoryUserDirectory();
        users.forEach(directory::register);
        return directory;
    }

    @Test
    void refusesASecondUserWithTheSameHandleInAnotherCase() {
        var directory = new InMemoryUserDirectory();
        User bayko = Profiles.user("bayko");
        directory.register(bayko);
        User impostor = new User(new UserId(UUID.randomUUID()),
                new Handle(bayko.handle().value().toUpperCase(Locale.ROOT)), "Impostor", Optional.empty());

        assertThatThrownBy(() -> directory.register(impostor)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesASecondUserWithTheSameCognitoUserId() {
        var directory = new InMemoryUserDirectory();
        User bayko = Profiles.user("bayko");
        directory.register(bayko);
        User impostor = new User(new UserId(UUID.randomUUID()), new Handle("impostor"), "Impostor",
                bayko.cognitoUserId());

        assertThatThrownBy(() -> directory.register(impostor)).isInstanceOf(IllegalArgumentException.class);
    }
}
