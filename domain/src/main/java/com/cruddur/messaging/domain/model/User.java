package com.cruddur.messaging.domain.model;

import java.util.Objects;
import java.util.Optional;

/** A registered user of the directory. {@code cognitoUserId} is empty until the user has signed up. */
public record User(UserId id, Handle handle, String displayName, Optional<CognitoUserId> cognitoUserId) {
    public static final String ERASED_DISPLAY_NAME = "deleted user";
    static final String ERASED_HANDLE_PREFIX = "deleted-";

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(cognitoUserId, "cognitoUserId");
    }

    public Profile profile() {
        return new Profile(id, handle, displayName);
    }

    /**
     * The account as it stays after its data is erased: the same id (conversations still name it), a handle made
     * from the id (unique, and no longer the person's), {@value #ERASED_DISPLAY_NAME} as its name, and no Cognito
     * id — nobody signs in as it again.
     */
    public User erased() {
        return new User(id, new Handle(ERASED_HANDLE_PREFIX + id.value().toString().replace("-", "").substring(0, 12)),
                ERASED_DISPLAY_NAME, Optional.empty());
    }

    /** Whether this is an account whose data was erased. */
    public boolean isErased() {
        return equals(erased());
    }
}
