package com.cruddur.messaging.domain.application.port.in;

import com.cruddur.messaging.domain.error.ErrorCode;
import com.cruddur.messaging.domain.error.InvalidInputException;
import com.cruddur.messaging.domain.model.CognitoUserId;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.MessageId;
import java.util.ArrayList;
import java.util.Objects;
import java.util.Optional;

/** The caller has read the group up to a message ({@code upTo}), or up to its newest message. */
public record MarkGroupReadCommand(CognitoUserId caller, MessageGroupId group, Optional<MessageId> upTo) {
    public MarkGroupReadCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(upTo, "upTo");
    }

    /** From client input ({@code upTo} may be absent), reporting every problem at once. */
    public static MarkGroupReadCommand of(CognitoUserId caller, String groupId, String upTo) {
        var errors = new ArrayList<ErrorCode>();
        if (groupId == null || MessageGroupId.parse(groupId).isEmpty()) {
            errors.add(ErrorCode.MESSAGE_GROUP_UUID_INVALID);
        }
        Optional<MessageId> message = upTo == null ? Optional.empty() : MessageId.parse(upTo);
        if (upTo != null && message.isEmpty()) {
            errors.add(ErrorCode.UP_TO_INVALID);
        }
        InvalidInputException.throwIfAny(errors);
        return new MarkGroupReadCommand(caller, MessageGroupId.parse(groupId).orElseThrow(), message);
    }
}
