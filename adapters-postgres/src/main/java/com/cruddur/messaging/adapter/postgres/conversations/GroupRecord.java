package com.cruddur.messaging.adapter.postgres.conversations;

import com.cruddur.messaging.domain.model.Handle;
import com.cruddur.messaging.domain.model.MessageGroup;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.Profile;
import com.cruddur.messaging.domain.model.UserId;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A row of {@code message_groups}: the group, its ordered pair, and both members as they were at its start. */
@MappedEntity("message_groups")
public record GroupRecord(@Id UUID uuid, UUID userLow, UUID userHigh,
                          UUID firstUserUuid, String firstUserHandle, String firstUserDisplayName,
                          UUID secondUserUuid, String secondUserHandle, String secondUserDisplayName,
                          OffsetDateTime createdAt) {

    MessageGroup group() {
        return new MessageGroup(new MessageGroupId(uuid),
                new Profile(new UserId(firstUserUuid), new Handle(firstUserHandle), firstUserDisplayName),
                new Profile(new UserId(secondUserUuid), new Handle(secondUserHandle), secondUserDisplayName));
    }
}
