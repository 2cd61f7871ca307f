package com.cruddur.messaging.domain.application.port.in;

import com.cruddur.messaging.domain.error.InvalidInputException;
import com.cruddur.messaging.domain.model.CognitoUserId;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.MessageId;
import java.util.Objects;

/** The caller deletes a message they sent. */
public record DeleteMessageCommand(CognitoUserId caller, MessageGroupId group, MessageId message) {
    public DeleteMessageCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(message, "message");
    }

    /** From client input, reporting every problem at once. */
    public static DeleteMessageCommand of(CognitoUserId caller, String groupId, String messageId) {
        InvalidInputException.throwIfAny(MessageAddress.problemsOf(groupId, messageId));
        return new DeleteMessageCommand(caller, MessageGroupId.parse(groupId).orElseThrow(),
                MessageId.parse(messageId).orElseThrow());
    }
}
