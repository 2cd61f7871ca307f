package com.cruddur.messaging.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.adapter.memory.InMemoryUserDirectory;
import com.cruddur.messaging.domain.application.port.out.UserDirectory;
import com.cruddur.messaging.domain.model.CognitoUserId;
import com.cruddur.messaging.domain.model.Handle;
import com.cruddur.messaging.domain.model.User;
import com.cruddur.messaging.domain.model.UserId;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RecentCallersTest {
    private final AtomicInteger lookups = new AtomicInteger();
    private final InMemoryUserDirectory users = new InMemoryUserDirectory();
    private final RecentCallers callers = new RecentCallers(new UserDirectory() {
        @Override
        public Optional<User> byCognitoUserId(CognitoUserId cognitoUserId) {
            lookups.incrementAndGet();
            return users.byCognitoUserId(cognitoUserId);
        }

        @Override
        public Optional<User> byId(UserId id) {
            return users.byId(id);
        }

        @Override
        public Optional<User> byHandle(Handle handle) {
            return users.byHandle(handle);
        }

        @Override
        public boolean signOut(UserId id) {
            return users.signOut(id);
        }

        @Override
        public boolean replaceWithErased(User erased) {
            return users.replaceWithErased(erased);
        }
    });

    @Test
    void aCallerFoundIsNotAskedOfTheDirectoryAgainRightAway() {
        User alice = user("alice");
        users.register(alice);

        assertThat(callers.byCognitoUserId(alice.cognitoUserId().orElseThrow())).contains(alice);
        assertThat(callers.byCognitoUserId(alice.cognitoUserId().orElseThrow())).contains(alice);

        assertThat(lookups).hasValue(1);
    }

    @Test
    void aCallerNotFoundIsLetInAsSoonAsTheyAreRegistered() {
        User bob = user("bob");

        assertThat(callers.byCognitoUserId(bob.cognitoUserId().orElseThrow())).isEmpty();
        users.register(bob);

        assertThat(callers.byCognitoUserId(bob.cognitoUserId().orElseThrow())).contains(bob);
        assertThat(lookups).hasValue(2);
    }

    @Test
    void aCallerSignedOutHereIsNotLetInFromWhatThisProcessKept() {
        User carol = user("carol");
        users.register(carol);
        assertThat(callers.byCognitoUserId(carol.cognitoUserId().orElseThrow())).contains(carol);

        callers.signOut(carol.id());

        assertThat(callers.byCognitoUserId(carol.cognitoUserId().orElseThrow())).isEmpty();
    }

    private static User user(String handle) {
        return new User(new UserId(UUID.randomUUID()), new Handle(handle + "-" + UUID.randomUUID().toString().substring(0, 6)),
                handle, Optional.of(new CognitoUserId("sub-" + UUID.randomUUID())));
    }
}
