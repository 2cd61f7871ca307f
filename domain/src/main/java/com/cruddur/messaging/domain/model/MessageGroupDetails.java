package com.cruddur.messaging.domain.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a member is shown of a conversation: who is in it, since when, and how far each member has read ("seen by").
 *
 * @param createdAt the time of the conversation's first message; empty only while a creation that was interrupted
 *                  before it wrote that message has not been completed
 */
public record MessageGroupDetails(MessageGroup group, Optional<Timestamp> createdAt, ReadMarkers markers) {
    public MessageGroupDetails {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(markers, "markers");
        if (!markers.group().equals(group.id())) {
            throw new IllegalArgumentException("the markers of " + markers.group() + " are not of " + group.id());
        }
    }

    /** One member and their read marker, in the group's order of members. */
    public record Member(Profile profile, Optional<Timestamp> lastReadAt) {
        public Member {
            Objects.requireNonNull(profile, "profile");
            Objects.requireNonNull(lastReadAt, "lastReadAt");
        }
    }

    public List<Member> members() {
        return group.members().stream().map(member -> new Member(member, markers.of(member.id()))).toList();
    }
}
