package com.cruddur.messaging.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.adapter.postgres.users.NewUser;
import com.cruddur.messaging.adapter.postgres.users.PostgresUserDirectory;
import com.cruddur.messaging.domain.application.port.out.UserDirectory;
import com.cruddur.messaging.domain.contract.UserDirectoryContract;
import com.cruddur.messaging.domain.fixtures.Profiles;
import com.cruddur.messaging.domain.model.CognitoUserId;
import com.cruddur.messaging.domain.model.Handle;
import com.cruddur.messaging.domain.model.User;
import com.cruddur.messaging.domain.model.UserId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The directory's contract on {@code public.users}, and the original's maintenance scripts. */
class PostgresUserDirectoryTest extends UserDirectoryContract {
    private final PostgresUserDirectory directory = PostgresEngine.directory();

    @Override
    protected UserDirectory directoryWith(List<User> users) {
        directory.seed(users.stream().map(user -> new NewUser(user, user.handle() + "@example.com")).toList());
        return directory;
    }

    @Test
    void seedingAgainAddsNoDuplicates() {
        User andrew = Profiles.user("andrew");
        List<NewUser> seed = List.of(new NewUser(andrew, "andrew@exampro.co"));

        assertThat(directory.seed(seed)).isEqualTo(1);
        assertThat(directory.seed(seed)).isZero();
        assertThat(directory.all()).filteredOn(user -> user.handle().sameAs(andrew.handle())).hasSize(1);
    }

    @Test
    void handlesAndCognitoIdsAreUniqueWhateverTheCase() {
        User bayko = Profiles.user("bayko");
        directory.seed(List.of(new NewUser(bayko, "bayko@exampro.co")));
        User sameHandleOtherCase = new User(new UserId(UUID.randomUUID()),
                new Handle(bayko.handle().value().toUpperCase(Locale.ROOT)), "Impostor", Optional.empty());
        User sameCognitoId = new User(new UserId(UUID.randomUUID()), new Handle("impostor-" + UUID.randomUUID()),
                "Impostor", bayko.cognitoUserId());

        assertThat(directory.seed(List.of(new NewUser(sameHandleOtherCase, "x@example.com"),
                new NewUser(sameCognitoId, "y@example.com")))).isZero();
        assertThat(directory.byHandle(sameHandleOtherCase.handle())).contains(bayko);
    }

    @Test
    void updatesCognitoUserIdsByHandleAsTheOriginalsScriptDid() {
        User londo = new User(new UserId(UUID.randomUUID()), new Handle("londo-" + UUID.randomUUID()), "Londo Mollari",
                Optional.empty());
        directory.seed(List.of(new NewUser(londo, "lmollari@centari.com")));
        CognitoUserId sub = new CognitoUserId(UUID.randomUUID().toString());

        assertThat(directory.updateCognitoUserId(new Handle(londo.handle().value().toUpperCase(Locale.ROOT)), sub)).isTrue();
        assertThat(directory.updateCognitoUserId(new Handle("nobody-" + UUID.randomUUID()), sub)).isFalse();
        assertThat(directory.byCognitoUserId(sub)).hasValueSatisfying(user -> assertThat(user.id()).isEqualTo(londo.id()));
    }
}
