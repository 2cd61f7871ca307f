package com.cruddur.messaging.domain.application.port.out;

import com.cruddur.messaging.domain.model.CognitoUserId;
import com.cruddur.messaging.domain.model.Handle;
import com.cruddur.messaging.domain.model.User;
import com.cruddur.messaging.domain.model.UserId;
import java.util.Optional;

/** The registered users. May throw {@link com.cruddur.messaging.domain.error.StoreUnavailableException}. */
public interface UserDirectory {

    Optional<User> byId(UserId id);

    /** Case-insensitive: {@code Bayko} finds {@code bayko}. */
    Optional<User> byHandle(Handle handle);

    Optional<User> byCognitoUserId(CognitoUserId cognitoUserId);

    /**
     * Forgets the user's Cognito id, keeping the rest: no token names them any more (a process that found them a
     * moment ago may still know them for as long as it keeps callers). Returns whether there was such a user.
     */
    boolean signOut(UserId id);

    /**
     * Replaces the stored account with {@code erased} (the same id; see {@link User#erased}): its handle, display
     * name and Cognito id, and its e-mail address is forgotten. Returns whether there was such a user; doing it again
     * changes nothing.
     */
    boolean replaceWithErased(User erased);
}
