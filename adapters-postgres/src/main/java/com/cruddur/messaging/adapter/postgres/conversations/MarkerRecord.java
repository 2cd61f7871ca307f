package com.cruddur.messaging.adapter.postgres.conversations;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A member's read marker, from their summary row. */
@Introspected
public record MarkerRecord(UUID ownerUuid, @Nullable OffsetDateTime lastReadAt) {
}
