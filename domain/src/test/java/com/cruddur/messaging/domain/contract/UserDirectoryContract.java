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
import java.util.Optional;
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

    @Test
    void aUserSignedOutKeepsTheirProfileButNoTokenNamesThemAnyMore() {
        User carol = Profiles.user("carol");
        directory = directoryWith(List.of(carol));

        assertThat(directory.signOut(carol.id())).isTrue();

        assertThat(directory.byCognitoUserId(carol.cognitoUserId().orElseThrow())).isEmpty();
        assertThat(directory.byHandle(carol.handle())).contains(
                new User(carol.id(), carol.handle(), carol.displayName(), Optional.empty()));
        assertThat(directory.signOut(new UserId(UUID.randomUUID()))).isFalse();
    }

    @Test
    void anErasedAccountKeepsItsIdAndNothingElseOfThePerson() {
        User dave = Profiles.user("dave");
        directory = directoryWith(List.of(dave));

        assertThat(directory.replaceWithErased(dave.erased())).isTrue();
        assertThat(directory.replaceWithErased(dave.erased())).isTrue();

        assertThat(directory.byId(dave.id())).contains(dave.erased());
        assertThat(directory.byHandle(dave.handle())).isEmpty();
        assertThat(directory.byHandle(dave.erased().handle())).contains(dave.erased());
        assertThat(directory.byCognitoUserId(dave.cognitoUserId().orElseThrow())).isEmpty();
        assertThat(dave.erased().isErased()).isTrue();
        assertThat(dave.erased().displayName()).isEqualTo(User.ERASED_DISPLAY_NAME);
        assertThat(directory.replaceWithErased(Profiles.user("nobody").erased())).isFalse();
    }
}
