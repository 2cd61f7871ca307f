package com.cruddur.messaging.domain.model;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Where the members of a group have read up to; a member who never read has no marker. */
public record ReadMarkers(MessageGroupId group, Map<UserId, Timestamp> lastReadAt) {
    public ReadMarkers {
        Objects.requireNonNull(group, "group");
        lastReadAt = Map.copyOf(lastReadAt);
    }

    public Optional<Timestamp> of(UserId member) {
        return Optional.ofNullable(lastReadAt.get(member));
    }
}
