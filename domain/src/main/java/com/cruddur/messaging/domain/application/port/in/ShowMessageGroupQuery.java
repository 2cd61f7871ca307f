package com.cruddur.messaging.domain.application.port.in;

import com.cruddur.messaging.domain.error.NotFoundException;
import com.cruddur.messaging.domain.model.CognitoUserId;
import com.cruddur.messaging.domain.model.MessageGroupId;
import java.util.Objects;

public record ShowMessageGroupQuery(CognitoUserId caller, MessageGroupId group) {
    public ShowMessageGroupQuery {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(group, "group");
    }

    /** From a request path: an id that is not a UUID names no group, so it is not found. */
    public static ShowMessageGroupQuery of(CognitoUserId caller, String groupId) {
        return new ShowMessageGroupQuery(caller,
                MessageGroupId.parse(groupId).orElseThrow(() -> NotFoundException.messageGroup(groupId)));
    }
}
