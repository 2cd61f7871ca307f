package com.cruddur.messaging.domain.model;

import java.util.List;
import java.util.Objects;

/** A private conversation between two different users. */
public record MessageGroup(MessageGroupId id, Profile first, Profile second) {
    public MessageGroup {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        if (first.id().equals(second.id())) {
            throw new IllegalArgumentException("a message group is between two different users");
        }
    }

    public boolean hasMember(UserId user) {
        return first.id().equals(user) || second.id().equals(user);
    }

    /** The member a given member talks to. */
    public Profile otherThan(UserId member) {
        if (first.id().equals(member)) {
            return second;
        }
        if (second.id().equals(member)) {
            return first;
        }
        throw new IllegalArgumentException(member + " is not a member of " + id);
    }

    /** The group with a member's profile as {@code member} shows it now (the same user: e.g. after their erasure). */
    public MessageGroup withMember(Profile member) {
        if (first.id().equals(member.id())) {
            return new MessageGroup(id, member, second);
        }
        if (second.id().equals(member.id())) {
            return new MessageGroup(id, first, member);
        }
        throw new IllegalArgumentException(member.id() + " is not a member of " + id);
    }

    public List<Profile> members() {
        return List.of(first, second);
    }

    public UserPair pair() {
        return UserPair.of(first.id(), second.id());
    }
}
