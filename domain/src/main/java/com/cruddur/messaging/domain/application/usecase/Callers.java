package com.cruddur.messaging.domain.application.usecase;

import com.cruddur.messaging.domain.application.port.out.UserDirectory;
import com.cruddur.messaging.domain.error.UnregisteredCallerException;
import com.cruddur.messaging.domain.model.CognitoUserId;
import com.cruddur.messaging.domain.model.User;
import java.util.Objects;

/** Turns an authenticated Cognito id into the registered user behind it. */
public final class Callers {
    private final UserDirectory directory;

    public Callers(UserDirectory directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    public User identify(CognitoUserId caller) {
        return directory.byCognitoUserId(caller).orElseThrow(() -> new UnregisteredCallerException(caller));
    }
}
