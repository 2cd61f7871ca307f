package com.cruddur.messaging.adapter.postgres.conversations;

import com.cruddur.messaging.domain.model.GroupSummary;
import com.cruddur.messaging.domain.model.Handle;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.Profile;
import com.cruddur.messaging.domain.model.ReadState;
import com.cruddur.messaging.domain.model.Timestamp;
import com.cruddur.messaging.domain.model.UserId;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * A row of {@code message_group_summaries}: one member's view of one group, with the owner's read
 * marker, the other member's (from their row) and the unread count (counted by the listing query).
 */
@Introspected
public record SummaryRecord(UUID messageGroupUuid, UUID ownerUuid, UUID otherUserUuid, String otherUserHandle,
                            String otherUserDisplayName, String lastMessage, OffsetDateTime lastMessageAt,
                            @Nullable OffsetDateTime lastReadAt, @Nullable OffsetDateTime otherLastReadAt,
                            long unreadCount) {

    GroupSummary summary() {
        return new GroupSummary(new UserId(ownerUuid), new MessageGroupId(messageGroupUuid),
                new Profile(new UserId(otherUserUuid), new Handle(otherUserHandle), otherUserDisplayName),
                lastMessage, new Timestamp(lastMessageAt.toInstant()),
                new ReadState((int) unreadCount, timestamp(lastReadAt), timestamp(otherLastReadAt)));
    }

    private static Optional<Timestamp> timestamp(OffsetDateTime time) {
        return Optional.ofNullable(time).map(at -> new Timestamp(at.toInstant()));
    }
}
