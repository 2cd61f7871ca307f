package com.cruddur.messaging.domain.application.usecase;

import com.cruddur.messaging.domain.application.port.out.ConversationStore;
import com.cruddur.messaging.domain.error.ConflictException;
import com.cruddur.messaging.domain.error.NotFoundException;
import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.MessageGroup;
import com.cruddur.messaging.domain.model.MessageId;
import com.cruddur.messaging.domain.model.Timestamp;
import com.cruddur.messaging.domain.model.User;
import java.util.Objects;
import java.util.Optional;

/**
 * A sender's own messages, to revise: anyone else's message does not exist for them (as a foreign group does
 * not). A revision is written on condition that the message is as it was read; when another revision came
 * first, it is read again and the change made on top of it.
 */
public final class OwnMessages {
    /** Each failed attempt means another revision of the same message came in between. */
    static final int MAX_ATTEMPTS = 10;

    private final ConversationStore store;

    public OwnMessages(ConversationStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * Applies {@code change} to the sender's message as it is now and stores the result. {@code change}
     * gets the message and the time of the revision, and answers nothing when there is nothing to change.
     * Returns the revision stored, if any.
     */
    public Optional<Message> revise(MessageGroup group, MessageId id, User sender, Timestamp now,
                                    Revision change) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Message current = store.message(group.id(), id)
                    .filter(message -> message.sender().id().equals(sender.id()))
                    .orElseThrow(() -> NotFoundException.message(id.toString()));
            Optional<Message> next = change.apply(current, current.nextRevisionAt(now));
            if (next.isEmpty() || store.revise(current, next.get())) {
                return next;
            }
        }
        throw ConflictException.messageChanged();
    }

    /** What a revision makes of a message, at a time later than any of its earlier revisions. */
    @FunctionalInterface
    public interface Revision {
        Optional<Message> apply(Message current, Timestamp at);
    }
}
