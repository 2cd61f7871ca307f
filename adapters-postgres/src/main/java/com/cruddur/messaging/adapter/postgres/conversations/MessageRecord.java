package com.cruddur.messaging.adapter.postgres.conversations;

import com.cruddur.messaging.domain.model.Handle;
import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.MessageId;
import com.cruddur.messaging.domain.model.Profile;
import com.cruddur.messaging.domain.model.Timestamp;
import com.cruddur.messaging.domain.model.UserId;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** A row of {@code messages}. */
@Introspected
public record MessageRecord(UUID uuid, UUID messageGroupUuid, UUID userUuid, String userHandle,
                            String userDisplayName, String message, OffsetDateTime createdAt,
                            @Nullable OffsetDateTime editedAt, @Nullable OffsetDateTime deletedAt) {

    Message toMessage() {
        return new Message(new MessageId(uuid), new MessageGroupId(messageGroupUuid),
                new Profile(new UserId(userUuid), new Handle(userHandle), userDisplayName), message,
                new Timestamp(createdAt.toInstant()), timestamp(editedAt), timestamp(deletedAt));
    }

    private static Optional<Timestamp> timestamp(OffsetDateTime time) {
        return Optional.ofNullable(time).map(at -> new Timestamp(at.toInstant()));
    }
}
