package com.cruddur.messaging.domain.application.port.out;

import com.cruddur.messaging.domain.model.GroupSummary;
import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.MessageGroup;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.NewMessage;
import com.cruddur.messaging.domain.model.Page;
import com.cruddur.messaging.domain.model.PageRequest;
import com.cruddur.messaging.domain.model.UserId;
import com.cruddur.messaging.domain.model.UserPair;
import java.util.Optional;

/**
 * Where conversations live: groups, their messages, and each member's summary of each group.
 *
 * <p>Every method may throw {@link com.cruddur.messaging.domain.error.StoreUnavailableException};
 * a method that throws has changed nothing. A cursor the store cannot read is an
 * {@link com.cruddur.messaging.domain.error.InvalidInputException} with {@code cursor_invalid}.
 */
public interface ConversationStore {

    Optional<MessageGroup> group(MessageGroupId id);

    /** The group of a pair, which is at most one. */
    Optional<MessageGroupId> groupOf(UserPair pair);

    /**
     * Stores a new group with its first message and both members' summaries, all or nothing.
     * If the pair already has a group, nothing is written and that group is named instead.
     */
    GroupCreation create(MessageGroup group, NewMessage first);

    /**
     * Adds a message to an existing group. Its {@code createdAt} is {@code proposedAt}, or moved on
     * by microseconds so that it is unique in the group and later than every message already there
     * that this process has seen (a store shared by several processes may rely on their clocks, which
     * never go back, to order messages sent through different processes at the same moment).
     */
    Message append(MessageGroupId group, NewMessage message);

    /** The latest page of a group's messages, oldest first; the next page holds older messages. */
    Page<Message> messages(MessageGroupId group, PageRequest page);

    /** A user's group summaries, newest last message first; the next page holds older ones. */
    Page<GroupSummary> summaries(UserId owner, PageRequest page);

    /**
     * Moves both members' summaries of the message's group to that message, where it is newer than
     * what they show. Idempotent: replayed, duplicated or older messages change nothing. Stores that
     * update summaries together with {@link #append} still accept this call and change nothing.
     */
    Projection project(Message stored);
}
