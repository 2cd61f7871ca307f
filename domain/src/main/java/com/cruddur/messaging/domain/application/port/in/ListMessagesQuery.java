package com.cruddur.messaging.domain.application.port.in;

import com.cruddur.messaging.domain.error.NotFoundException;
import com.cruddur.messaging.domain.model.CognitoUserId;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.PageRequest;
import java.util.Objects;

public record ListMessagesQuery(CognitoUserId caller, MessageGroupId group, PageRequest page) {
    public ListMessagesQuery {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(page, "page");
    }

    /** From a request path: an id that is not a UUID names no group, so it is not found. */
    public static ListMessagesQuery of(CognitoUserId caller, String groupId, PageRequest page) {
        return new ListMessagesQuery(caller,
                MessageGroupId.parse(groupId).orElseThrow(() -> NotFoundException.messageGroup(groupId)), page);
    }
}
