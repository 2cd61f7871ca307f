package com.cruddur.messaging.domain.application.port.in;

import com.cruddur.messaging.domain.error.ErrorCode;
import com.cruddur.messaging.domain.error.InvalidInputException;
import com.cruddur.messaging.domain.model.CognitoUserId;
import com.cruddur.messaging.domain.model.MessageGroupId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The caller is typing in a group. */
public record SignalTypingCommand(CognitoUserId caller, MessageGroupId group) {
    public SignalTypingCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(group, "group");
    }

    /** From client input: a group id that is not a uuid is 422 {@code message_group_uuid_invalid}, as for mark-read. */
    public static SignalTypingCommand of(CognitoUserId caller, String groupId) {
        Optional<MessageGroupId> group = groupId == null ? Optional.empty() : MessageGroupId.parse(groupId);
        if (group.isEmpty()) {
            InvalidInputException.throwIfAny(List.of(ErrorCode.MESSAGE_GROUP_UUID_INVALID));
        }
        return new SignalTypingCommand(caller, group.orElseThrow());
    }
}
