package com.cruddur.messaging.domain.model;

import java.util.List;
import java.util.Objects;

/**
 * One member's entry in their list of conversations: who they talk to and the group's last message.
 * In DynamoDB this is the {@code GRP#<owner>} item whose sort key is {@code lastMessageAt}.
 */
public record GroupSummary(UserId owner, MessageGroupId groupId, Profile other, String lastMessage,
                           Timestamp lastMessageAt, ReadState reads) {
    public GroupSummary {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(other, "other");
        Objects.requireNonNull(lastMessage, "lastMessage");
        Objects.requireNonNull(lastMessageAt, "lastMessageAt");
        Objects.requireNonNull(reads, "reads");
    }

    /** A summary with nothing known of what its owner has read, as the original wrote them. */
    public GroupSummary(UserId owner, MessageGroupId groupId, Profile other, String lastMessage, Timestamp lastMessageAt) {
        this(owner, groupId, other, lastMessage, lastMessageAt, ReadState.NONE);
    }

    /** Both members' summaries of a group whose first and last message is {@code last}. */
    public static List<GroupSummary> of(MessageGroup group, Message last) {
        return group.members().stream()
                .map(owner -> new GroupSummary(owner.id(), group.id(), group.otherThan(owner.id()), last.text(),
                        last.createdAt(), ReadState.ofFirstMessage(last, owner.id())))
                .toList();
    }

    /** The summary after {@code message}, if that message is newer; summaries never move back in time. */
    public boolean isOlderThan(Message message) {
        return message.createdAt().isAfter(lastMessageAt);
    }

    public GroupSummary movedTo(Message message) {
        return new GroupSummary(owner, groupId, other, message.text(), message.createdAt(), reads);
    }

    /** Whether the summary shows this message (the one of its time: a group's messages have distinct times). */
    public boolean shows(Message message) {
        return message.createdAt().equals(lastMessageAt);
    }

    /** The summary showing the message's text as it is now (edited, or erased by its deletion). */
    public GroupSummary withTextOf(Message message) {
        return new GroupSummary(owner, groupId, other, message.text(), lastMessageAt, reads);
    }

    /** The same summary showing the other member's profile as {@code other} shows it now (the same user). */
    public GroupSummary withOther(Profile other) {
        if (!other.id().equals(this.other.id())) {
            throw new IllegalArgumentException("the other member stays who they are");
        }
        return new GroupSummary(owner, groupId, other, lastMessage, lastMessageAt, reads);
    }

    public GroupSummary with(ReadState reads) {
        return new GroupSummary(owner, groupId, other, lastMessage, lastMessageAt, reads);
    }
}
