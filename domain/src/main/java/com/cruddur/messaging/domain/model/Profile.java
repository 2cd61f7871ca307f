package com.cruddur.messaging.domain.model;

import java.util.Objects;
import java.util.Optional;

/**
 * What others see of a user: the short profile, and the copy of it that conversations keep
 * ({@code user_uuid}, {@code user_handle}, {@code user_display_name} in DynamoDB items).
 */
public record Profile(UserId id, Handle handle, String displayName) {
    public Profile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(displayName, "displayName");
    }

    /** Whether this is the profile an erased account keeps ({@link User#erased}). */
    public boolean isErased() {
        return equals(new User(id, handle, displayName, Optional.empty()).erased().profile());
    }
}
