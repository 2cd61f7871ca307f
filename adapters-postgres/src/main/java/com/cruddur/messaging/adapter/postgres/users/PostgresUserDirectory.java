package com.cruddur.messaging.adapter.postgres.users;

import com.cruddur.messaging.adapter.postgres.PostgresFailures;
import com.cruddur.messaging.domain.application.port.out.UserDirectory;
import com.cruddur.messaging.domain.model.CognitoUserId;
import com.cruddur.messaging.domain.model.Handle;
import com.cruddur.messaging.domain.model.User;
import com.cruddur.messaging.domain.model.UserId;
import java.util.List;
import java.util.Optional;

/**
 * The user directory on the original's {@code public.users}, plus the maintenance the original
 * did with scripts: seeding, and {@code update_cognito_user_ids}.
 */
public final class PostgresUserDirectory implements UserDirectory {
    private final UserRows rows;
    private final PostgresFailures failures;

    public PostgresUserDirectory(UserRows rows, PostgresFailures failures) {
        this.rows = rows;
        this.failures = failures;
    }

    @Override
    public Optional<User> byId(UserId id) {
        return failures.guard(() -> rows.findById(id.value()).map(UserRow::user));
    }

    @Override
    public Optional<User> byHandle(Handle handle) {
        return storable(handle.value()) ? failures.guard(() -> rows.findByHandleIgnoringCase(handle.value()).map(UserRow::user))
                : Optional.empty();
    }

    @Override
    public Optional<User> byCognitoUserId(CognitoUserId cognitoUserId) {
        return storable(cognitoUserId.value())
                ? failures.guard(() -> rows.findByCognitoUserId(cognitoUserId.value()).map(UserRow::user))
                : Optional.empty();
    }

    @Override
    public boolean signOut(UserId id) {
        return failures.guard(() -> rows.clearCognitoUserId(id.value()) > 0);
    }

    @Override
    public boolean replaceWithErased(User erased) {
        return failures.guard(() -> rows.replaceWithErased(erased.id().value(), erased.handle().value(),
                erased.displayName()) > 0);
    }

    /** PostgreSQL text cannot hold NUL, so no stored user has it and the query would only fail. */
    private static boolean storable(String key) {
        return key.indexOf('\0') < 0;
    }

    /** Every user, by handle. */
    public List<User> all() {
        return failures.guard(() -> rows.findAllByHandle().stream().map(UserRow::user).toList());
    }

    /** Adds the users that are not there yet (by id, handle or cognito id); safe to run again. Returns how many it added. */
    public int seed(List<NewUser> users) {
        return failures.guard(() -> users.stream().mapToInt(seed -> rows.insertIfAbsent(seed.user().id().value(),
                seed.user().displayName(), seed.user().handle().value(), seed.email(),
                seed.user().cognitoUserId().map(CognitoUserId::value).orElse(null))).sum());
    }

    /** Sets the Cognito id of the user with this handle; returns whether such a user exists. */
    public boolean updateCognitoUserId(Handle handle, CognitoUserId cognitoUserId) {
        return failures.guard(() -> rows.updateCognitoUserId(handle.value(), cognitoUserId.value()) > 0);
    }
}
