package com.cruddur.messaging.domain.application.port.in;

import com.cruddur.messaging.domain.error.ErrorCode;
import com.cruddur.messaging.domain.error.InvalidInputException;
import com.cruddur.messaging.domain.model.ClientMessageId;
import com.cruddur.messaging.domain.model.CognitoUserId;
import com.cruddur.messaging.domain.model.Handle;
import com.cruddur.messaging.domain.model.MessageText;
import java.util.ArrayList;
import java.util.Objects;
import java.util.Optional;

public record SendMessageToHandleCommand(CognitoUserId caller, Handle recipient, MessageText text,
                                         Optional<ClientMessageId> clientId) {
    public SendMessageToHandleCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(clientId, "clientId");
    }

    public SendMessageToHandleCommand(CognitoUserId caller, Handle recipient, MessageText text) {
        this(caller, recipient, text, Optional.empty());
    }

    /** From client input, reporting every problem at once. */
    public static SendMessageToHandleCommand of(CognitoUserId caller, String recipientHandle, String text) {
        return of(caller, recipientHandle, text, null);
    }

    /** From client input with the client's optional id for this send, reporting every problem at once. */
    public static SendMessageToHandleCommand of(CognitoUserId caller, String recipientHandle, String text,
                                                String clientId) {
        var errors = new ArrayList<ErrorCode>();
        if (recipientHandle == null || recipientHandle.isBlank()) {
            errors.add(ErrorCode.USER_RECIEVER_HANDLE_BLANK);
        }
        errors.addAll(MessageText.problemsOf(text));
        if (!ClientMessageId.isValid(clientId)) {
            errors.add(ErrorCode.CLIENT_MESSAGE_ID_INVALID);
        }
        InvalidInputException.throwIfAny(errors);
        return new SendMessageToHandleCommand(caller, new Handle(recipientHandle.strip()), MessageText.of(text),
                ClientMessageId.ofOptional(clientId));
    }
}
