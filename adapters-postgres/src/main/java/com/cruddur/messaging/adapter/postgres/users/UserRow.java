package com.cruddur.messaging.adapter.postgres.users;

import com.cruddur.messaging.domain.model.CognitoUserId;
import com.cruddur.messaging.domain.model.Handle;
import com.cruddur.messaging.domain.model.User;
import com.cruddur.messaging.domain.model.UserId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.UUID;

/** A row of the original's {@code public.users}. */
@MappedEntity("users")
public record UserRow(@Id UUID uuid, String displayName, String handle, String email,
                      @Nullable String cognitoUserId, @Nullable LocalDateTime createdAt) {

    User user() {
        return new User(new UserId(uuid), new Handle(handle), displayName,
                Optional.ofNullable(cognitoUserId).filter(id -> !id.isBlank()).map(CognitoUserId::new));
    }
}
