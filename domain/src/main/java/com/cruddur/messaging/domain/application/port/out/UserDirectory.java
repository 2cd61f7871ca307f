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
}
