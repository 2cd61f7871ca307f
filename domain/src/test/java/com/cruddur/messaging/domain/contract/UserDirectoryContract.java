package com.cruddur.messaging.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.domain.application.port.out.UserDirectory;
import com.cruddur.messaging.domain.fixtures.Profiles;
import com.cruddur.messaging.domain.model.CognitoUserId;
import com.cruddur.messaging.domain.model.Handle;
import com.cruddur.messaging.domain.model.User;
import com.cruddur.messaging.domain.model.UserId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link UserDirectory} adapter promises. Subclass it once per adapter. */
public abstract class UserDirectoryContract {

    /** A directory that holds at least these users (it may hold others). */
    protected abstract UserDirectory directoryWith(List<User> users);

    private final User andrew = Profiles.user("andrew");
    private final User bayko = Profiles.user("bayko");
    private UserDirectory directory;

    @BeforeEach
    void registerUsers() {
        directory = directoryWith(List.of(andrew, bayko));
    }

    @Test
    void findsAUserById() {
        assertThat(directory.byId(andrew.id())).contains(andrew);
    }

    @Test
    void findsAUserByHandleInAnyCase() {
        String upper = bayko.handle().value().toUpperCase(Locale.ROOT);

        assertThat(directory.byHandle(bayko.handle())).contains(bayko);
        assertThat(directory.byHandle(new Handle(upper))).contains(bayko);
    }

    @Test
    void findsAUserByCognitoUserId() {
        assertThat(directory.byCognitoUserId(andrew.cognitoUserId().orElseThrow())).contains(andrew);
    }

    @Test
    void findsNobodyForUnknownKeys() {
        assertThat(directory.byId(new UserId(UUID.randomUUID()))).isEmpty();
        assertThat(directory.byHandle(new Handle("nobody-" + UUID.randomUUID()))).isEmpty();
        assertThat(directory.byCognitoUserId(new CognitoUserId(UUID.randomUUID().toString()))).isEmpty();
        assertThat(directory.byHandle(new Handle("bay\u0000ko"))).isEmpty();
        assertThat(directory.byCognitoUserId(new CognitoUserId("sub\u0000"))).isEmpty();
    }
}
