package com.cruddur.messaging.domain.application.port.in;

import com.cruddur.messaging.domain.error.ErrorCode;
import com.cruddur.messaging.domain.error.InvalidInputException;
import com.cruddur.messaging.domain.model.ClientMessageId;
import com.cruddur.messaging.domain.model.CognitoUserId;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.MessageText;
import java.util.ArrayList;
import java.util.Objects;
import java.util.Optional;

public record SendMessageToGroupCommand(CognitoUserId caller, MessageGroupId group, MessageText text,
                                        Optional<ClientMessageId> clientId) {
    public SendMessageToGroupCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(clientId, "clientId");
    }

    public SendMessageToGroupCommand(CognitoUserId caller, MessageGroupId group, MessageText text) {
        this(caller, group, text, Optional.empty());
    }

    /** From client input, reporting every problem at once. */
    public static SendMessageToGroupCommand of(CognitoUserId caller, String groupId, String text) {
        return of(caller, groupId, text, null);
    }

    /** From client input with the client's optional id for this send, reporting every problem at once. */
    public static SendMessageToGroupCommand of(CognitoUserId caller, String groupId, String text, String clientId) {
        var errors = new ArrayList<ErrorCode>();
        if (groupId == null || groupId.isBlank()) {
            errors.add(ErrorCode.MESSAGE_GROUP_UUID_BLANK);
        } else if (MessageGroupId.parse(groupId).isEmpty()) {
            errors.add(ErrorCode.MESSAGE_GROUP_UUID_INVALID);
        }
        errors.addAll(MessageText.problemsOf(text));
        if (!ClientMessageId.isValid(clientId)) {
            errors.add(ErrorCode.CLIENT_MESSAGE_ID_INVALID);
        }
        InvalidInputException.throwIfAny(errors);
        return new SendMessageToGroupCommand(caller, MessageGroupId.parse(groupId).orElseThrow(), MessageText.of(text),
                ClientMessageId.ofOptional(clientId));
    }
}
