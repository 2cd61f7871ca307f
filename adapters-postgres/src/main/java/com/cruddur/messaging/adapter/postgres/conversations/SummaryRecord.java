package com.cruddur.messaging.adapter.postgres.conversations;

import com.cruddur.messaging.domain.model.GroupSummary;
import com.cruddur.messaging.domain.model.Handle;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.Profile;
import com.cruddur.messaging.domain.model.Timestamp;
import com.cruddur.messaging.domain.model.UserId;
import io.micronaut.core.annotation.Introspected;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A row of {@code message_group_summaries}: one member's view of one group. */
@Introspected
public record SummaryRecord(UUID messageGroupUuid, UUID ownerUuid, UUID otherUserUuid, String otherUserHandle,
                            String otherUserDisplayName, String lastMessage, OffsetDateTime lastMessageAt) {

    GroupSummary summary() {
        return new GroupSummary(new UserId(ownerUuid), new MessageGroupId(messageGroupUuid),
                new Profile(new UserId(otherUserUuid), new Handle(otherUserHandle), otherUserDisplayName),
                lastMessage, new Timestamp(lastMessageAt.toInstant()));
    }
}
