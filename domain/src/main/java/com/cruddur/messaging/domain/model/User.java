package com.cruddur.messaging.domain.model;

import java.util.Objects;
import java.util.Optional;

/** A registered user of the directory. {@code cognitoUserId} is empty until the user has signed up. */
public record User(UserId id, Handle handle, String displayName, Optional<CognitoUserId> cognitoUserId) {
    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(cognitoUserId, "cognitoUserId");
    }

    public Profile profile() {
        return new Profile(id, handle, displayName);
    }
}
