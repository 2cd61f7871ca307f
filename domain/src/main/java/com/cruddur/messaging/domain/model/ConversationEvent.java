package com.cruddur.messaging.domain.model;

import java.time.Duration;
import java.util.Set;

/**
 * Something every instance is told of through the bus: what happened in a conversation, which its members' open
 * event streams hear of (the audience is the group's members: nobody else ever receives it), or a change of whom a
 * user blocks, which decides what that user's streams hear and whom the user may be sent messages by.
 */
public sealed interface ConversationEvent
        permits ConversationEvent.MessageSent, ConversationEvent.MessageRevised, ConversationEvent.ReadMarkerMoved,
        ConversationEvent.Typing, ConversationEvent.BlockChanged, ConversationEvent.AccountErased {

    Set<UserId> audience();

    /** Who made it happen: a follower who blocks them does not hear of it. */
    UserId cause();

    /** Whether a follower who resumes after missing it is told of it still (an ephemeral event is news only live). */
    default boolean replayedOnResume() {
        return true;
    }

    /** A new message was stored (not a retry's answer). */
    record MessageSent(Message message, Set<UserId> audience) implements ConversationEvent {
        public MessageSent {
            audience = Set.copyOf(audience);
        }

        public MessageGroupId group() {
            return message.groupId();
        }

        @Override
        public UserId cause() {
            return message.sender().id();
        }
    }

    /** A message was edited, or deleted ({@link Message#isDeleted}: the event carries the tombstone, never the text). */
    record MessageRevised(Message message, Set<UserId> audience) implements ConversationEvent {
        public MessageRevised {
            audience = Set.copyOf(audience);
        }

        public MessageGroupId group() {
            return message.groupId();
        }

        @Override
        public UserId cause() {
            return message.sender().id();
        }
    }

    /** A member's read marker moved forward to the message of that time. */
    record ReadMarkerMoved(MessageGroupId group, UserId reader, Timestamp upTo, Set<UserId> audience)
            implements ConversationEvent {
        public ReadMarkerMoved {
            audience = Set.copyOf(audience);
        }

        @Override
        public UserId cause() {
            return reader;
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
        public UserId cause() {
            return typist;
        }

        @Override
        public boolean replayedOnResume() {
            return false;
        }
    }

    /**
     * The blocker now blocks, or no longer blocks, the other user: the blocker's open streams start or stop
     * filtering that user's events out, and every instance's cache of blocks follows. No stream is told of it.
     */
    record BlockChanged(UserId blocker, UserId blocked, boolean blocking) implements ConversationEvent {
        @Override
        public Set<UserId> audience() {
            return Set.of(blocker);
        }

        @Override
        public UserId cause() {
            return blocker;
        }
    }

    /**
     * The user's data was erased: every stream they still have open ends (told to resync, as a client that reconnects
     * must sign in again, which the erased account no longer can) and hears nothing more. No stream is told why.
     */
    record AccountErased(UserId user) implements ConversationEvent {
        @Override
        public Set<UserId> audience() {
            return Set.of(user);
        }

        @Override
        public UserId cause() {
            return user;
        }
    }

    static Set<UserId> membersOf(MessageGroup group) {
        return Set.of(group.first().id(), group.second().id());
    }
}
