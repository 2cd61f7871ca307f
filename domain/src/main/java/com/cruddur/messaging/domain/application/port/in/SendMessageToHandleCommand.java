package com.cruddur.messaging.domain.application.port.in;

import com.cruddur.messaging.domain.error.ErrorCode;
import com.cruddur.messaging.domain.error.InvalidInputException;
import com.cruddur.messaging.domain.model.CognitoUserId;
import com.cruddur.messaging.domain.model.Handle;
import com.cruddur.messaging.domain.model.MessageText;
import java.util.ArrayList;
import java.util.Objects;

public record SendMessageToHandleCommand(CognitoUserId caller, Handle recipient, MessageText text) {
    public SendMessageToHandleCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(text, "text");
    }

    /** From client input, reporting every problem at once. */
    public static SendMessageToHandleCommand of(CognitoUserId caller, String recipientHandle, String text) {
        var errors = new ArrayList<ErrorCode>();
        if (recipientHandle == null || recipientHandle.isBlank()) {
            errors.add(ErrorCode.USER_RECIEVER_HANDLE_BLANK);
        }
        errors.addAll(MessageText.problemsOf(text));
        InvalidInputException.throwIfAny(errors);
        return new SendMessageToHandleCommand(caller, new Handle(recipientHandle.strip()), MessageText.of(text));
    }
}
