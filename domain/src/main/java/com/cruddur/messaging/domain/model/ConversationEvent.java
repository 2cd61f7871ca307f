package com.cruddur.messaging.domain.model;

import java.time.Duration;
import java.util.Set;

/**
 * Something that happened in a conversation that its members' open event streams are told of. The
 * audience is the group's members: nobody else ever receives it.
 */
public sealed interface ConversationEvent
        permits ConversationEvent.MessageSent, ConversationEvent.MessageRevised, ConversationEvent.ReadMarkerMoved,
        ConversationEvent.Typing {

    MessageGroupId group();

    Set<UserId> audience();

    /** Whether a follower who resumes after missing it is told of it still (an ephemeral event is news only live). */
    default boolean replayedOnResume() {
        return true;
    }

    /** A new message was stored (not a retry's answer). */
    record MessageSent(Message message, Set<UserId> audience) implements ConversationEvent {
        public MessageSent {
            audience = Set.copyOf(audience);
        }

        @Override
        public MessageGroupId group() {
            return message.groupId();
        }
    }

    /** A message was edited, or deleted ({@link Message#isDeleted}: the event carries the tombstone, never the text). */
    record MessageRevised(Message message, Set<UserId> audience) implements ConversationEvent {
        public MessageRevised {
            audience = Set.copyOf(audience);
        }

        @Override
        public MessageGroupId group() {
            return message.groupId();
        }
    }

    /** A member's read marker moved forward to the message of that time. */
    record ReadMarkerMoved(MessageGroupId group, UserId reader, Timestamp upTo, Set<UserId> audience)
            implements ConversationEvent {
        public ReadMarkerMoved {
            audience = Set.copyOf(audience);
        }
    }

    /**
     * A member is typing in the group: shown to the other member for {@link #SHOWN_FOR} unless another comes.
     * Ephemeral: never stored, and not replayed to a client that reconnects.
     */
    record Typing(MessageGroupId group, UserId typist, Set<UserId> audience) implements ConversationEvent {
        public static final Duration SHOWN_FOR = Duration.ofSeconds(5);

        public Typing {
            audience = Set.copyOf(audience);
        }

        @Override
        public boolean replayedOnResume() {
            return false;
        }
    }

    static Set<UserId> membersOf(MessageGroup group) {
        return Set.of(group.first().id(), group.second().id());
    }
}
