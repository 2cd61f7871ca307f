package com.cruddur.messaging.domain.application.port.out;

import com.cruddur.messaging.domain.model.GroupSummary;
import com.cruddur.messaging.domain.model.MessageId;
import com.cruddur.messaging.domain.model.ReadMarkers;
import com.cruddur.messaging.domain.model.Timestamp;
import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.MessageGroup;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.NewMessage;
import com.cruddur.messaging.domain.model.Page;
import com.cruddur.messaging.domain.model.PageRequest;
import com.cruddur.messaging.domain.model.UserId;
import com.cruddur.messaging.domain.model.UserPair;
import java.util.List;
import java.util.Optional;

/**
 * Where conversations live: groups, their messages, and each member's summary of each group.
 *
 * <p>Every method may throw {@link com.cruddur.messaging.domain.error.StoreUnavailableException};
 * a method that throws has changed nothing. A cursor the store cannot read is an
 * {@link com.cruddur.messaging.domain.error.InvalidInputException} with {@code cursor_invalid}.
 *
 * <p><b>Sends the client named.</b> A {@link NewMessage} with a {@code clientId} is stored at most once
 * per sender and id, for at least {@link #CLIENT_IDS_KEPT_HOURS} hours: when the sender used the id
 * before for the same text to the same pair of users, {@link #append} returns that earlier message and
 * {@link #create} answers {@link GroupCreation.AlreadySent}, writing nothing — also when the sends race
 * each other; for another text or pair both throw a
 * {@link com.cruddur.messaging.domain.error.ConflictException} and write nothing.
 *
 * <p><b>Read markers.</b> Each member has a marker (the time of the last message they have read), which
 * only moves forward; sending a message moves the sender's own marker to it. A summary's
 * {@link com.cruddur.messaging.domain.model.ReadState} counts the other member's messages after the
 * owner's marker. Stores may update summaries when markers move or only when {@link #projectReads} is
 * called, as they may for messages and {@link #project}.
 *
 * <p><b>Edits and deletions.</b> {@link #revise} replaces a message with a later state of it (see
 * {@link Message#isRevisionOf}); a deletion erases the text from every item or row that held it, the
 * summaries included. A summary showing the message follows its revision — at once, or when {@link
 * #project} is called with it — and no summary ever goes back to an earlier state or an older message.
 */
public interface ConversationStore {
    int CLIENT_IDS_KEPT_HOURS = 24;

    Optional<MessageGroup> group(MessageGroupId id);

    /** The group of a pair, which is at most one. */
    Optional<MessageGroupId> groupOf(UserPair pair);

    /**
     * Stores a new group with its first message and both members' summaries, all or nothing.
     * If the pair already has a group, nothing is written and that group is named instead.
     * The first message's time is its {@code proposedAt}.
     */
    GroupCreation create(MessageGroup group, NewMessage first);

    /**
     * Adds a message to an existing group. Its {@code createdAt} is {@code proposedAt}, or moved on
     * by microseconds so that it is unique in the group and later than every message already there
     * that this process has seen (a store shared by several processes may rely on their clocks, which
     * never go back, to order messages sent through different processes at the same moment).
     */
    Message append(MessageGroupId group, NewMessage message);

    /** The group's newest message, including one stored a moment ago. */
    Optional<Message> latestMessage(MessageGroupId group);

    /** The group's first message (the one its creation stored), including one stored a moment ago. */
    Optional<Message> firstMessage(MessageGroupId group);

    /** One message of the group by its id, including one stored a moment ago. */
    Optional<Message> message(MessageGroupId group, MessageId id);

    /**
     * Moves the reader's marker forward to {@code upTo} (never back) and returns the group's markers as
     * they are after it: at least the reader's (a member's marker moved by their own sends may show only
     * on the summaries).
     */
    ReadMarkers markRead(MessageGroupId group, UserId reader, Timestamp upTo);

    /**
     * Every member's read marker as the store holds it: moved by {@link #markRead} and by the member's own sends. A
     * store whose summaries follow its stream may show a marker moved by a send a moment late; a marker never shows
     * earlier than one {@link #markRead} returned. A member who has read nothing has none.
     */
    ReadMarkers readMarkers(MessageGroupId group);

    /**
     * Stores {@code next}, a later state of {@code current} (its edit or its deletion), on condition that the
     * stored message is still {@code current}. Returns false, writing nothing, if it is not (it changed
     * meanwhile, or is gone).
     */
    boolean revise(Message current, Message next);

    /** The latest page of a group's messages, oldest first; the next page holds older messages. */
    Page<Message> messages(MessageGroupId group, PageRequest page);

    /** A user's group summaries, newest last message first; the next page holds older ones. */
    Page<GroupSummary> summaries(UserId owner, PageRequest page);

    /**
     * Brings both members' summaries of a group up to these messages of it (as a stream delivers them:
     * in any order, perhaps again): each summary moves to the newest where it is newer than what it
     * shows, and counts what its owner has not read. Idempotent: replayed, duplicated or older messages
     * change nothing and are never counted twice. A later state of the message a summary shows (its edit
     * or deletion) updates the summary's text in place; an earlier state changes nothing. Stores that update
     * summaries together with {@link #append} and {@link #revise} still accept this call and change nothing.
     */
    Projection project(List<Message> storedInOneGroup);

    default Projection project(Message stored) {
        return project(List.of(stored));
    }

    /**
     * Brings both members' summaries up to the group's read markers (as {@link #markRead} returned them
     * or a stream delivers them, perhaps again or out of order): markers move forward only, and each
     * owner's unread count is counted again after their marker. Stores that update summaries together
     * with {@link #markRead} still accept this call and change nothing.
     */
    Projection projectReads(ReadMarkers markers);
}
