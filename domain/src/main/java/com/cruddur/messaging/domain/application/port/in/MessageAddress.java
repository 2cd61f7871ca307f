package com.cruddur.messaging.domain.application.port.in;

import com.cruddur.messaging.domain.error.ErrorCode;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.MessageId;
import java.util.ArrayList;
import java.util.List;

/** What is wrong with a message's address as a client wrote it: its group's id and its own. */
final class MessageAddress {
    private MessageAddress() {
    }

    static List<ErrorCode> problemsOf(String groupId, String messageId) {
        var errors = new ArrayList<ErrorCode>();
        if (groupId == null || MessageGroupId.parse(groupId).isEmpty()) {
            errors.add(ErrorCode.MESSAGE_GROUP_UUID_INVALID);
        }
        if (messageId == null || MessageId.parse(messageId).isEmpty()) {
            errors.add(ErrorCode.MESSAGE_UUID_INVALID);
        }
        return errors;
    }
}
