package com.cruddur.messaging.domain.application.port.out;

import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.MessageGroupId;

/** What {@link ConversationStore#create} did. */
public sealed interface GroupCreation {

    /** The group, its first message and both summaries were written. */
    record Created(Message first) implements GroupCreation {
    }

    /** The sender sent this before under the same client message id; nothing was written. */
    record AlreadySent(Message earlier) implements GroupCreation {
    }

    /** The pair already has a group (perhaps created a moment ago by someone else); nothing was written. */
    record PairTaken(MessageGroupId existing) implements GroupCreation {
    }
}
