package com.cruddur.messaging.app;

import com.cruddur.messaging.domain.application.port.out.UserDirectory;
import com.cruddur.messaging.domain.model.CognitoUserId;
import com.cruddur.messaging.domain.model.Handle;
import com.cruddur.messaging.domain.model.User;
import com.cruddur.messaging.domain.model.UserId;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;

/**
 * The directory as {@code Callers} sees it: every request names its caller by the token's
 * {@code sub}, and the same few users call again and again, so a found caller is kept for a few
 * seconds instead of asked of PostgreSQL per request. A renamed user shows within that time; a
 * caller not found is not kept, so a new sign-up is let in at once. Other lookups pass through.
 */
final class RecentCallers implements UserDirectory {
    static final Duration KEPT_FOR = Duration.ofSeconds(10);
    private static final int MAXIMUM_CALLERS = 10_000;

    private final UserDirectory directory;
    private final Cache<CognitoUserId, User> recent = Caffeine.newBuilder()
            .maximumSize(MAXIMUM_CALLERS).expireAfterWrite(KEPT_FOR).build();

    RecentCallers(UserDirectory directory) {
        this.directory = directory;
    }

    @Override
    public Optional<User> byCognitoUserId(CognitoUserId cognitoUserId) {
        User known = recent.getIfPresent(cognitoUserId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<User> found = directory.byCognitoUserId(cognitoUserId);
        found.ifPresent(user -> recent.put(cognitoUserId, user));
        return found;
    }

    @Override
    public Optional<User> byId(UserId id) {
        return directory.byId(id);
    }

    @Override
    public Optional<User> byHandle(Handle handle) {
        return directory.byHandle(handle);
    }

    @Override
    public boolean signOut(UserId id) {
        forget(id);
        return directory.signOut(id);
    }

    @Override
    public boolean replaceWithErased(User erased) {
        forget(erased.id());
        return directory.replaceWithErased(erased);
    }

    /** A caller this process kept is not let in on what it kept once they are signed out here. */
    private void forget(UserId id) {
        recent.asMap().values().removeIf(user -> user.id().equals(id));
    }
}
