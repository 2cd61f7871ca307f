package com.cruddur.messaging.domain.application.port.in;

import com.cruddur.messaging.domain.error.ErrorCode;
import com.cruddur.messaging.domain.error.InvalidInputException;
import com.cruddur.messaging.domain.model.CognitoUserId;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.MessageId;
import com.cruddur.messaging.domain.model.MessageText;
import java.util.ArrayList;
import java.util.Objects;

/** The caller replaces the text of a message they sent. */
public record EditMessageCommand(CognitoUserId caller, MessageGroupId group, MessageId message, MessageText text) {
    public EditMessageCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(text, "text");
    }

    /** From client input, reporting every problem at once; the text follows a send's rules. */
    public static EditMessageCommand of(CognitoUserId caller, String groupId, String messageId, String text) {
        var errors = new ArrayList<ErrorCode>(MessageAddress.problemsOf(groupId, messageId));
        errors.addAll(MessageText.problemsOf(text));
        InvalidInputException.throwIfAny(errors);
        return new EditMessageCommand(caller, MessageGroupId.parse(groupId).orElseThrow(),
                MessageId.parse(messageId).orElseThrow(), MessageText.of(text));
    }
}
