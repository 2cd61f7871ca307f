package com.cruddur.messaging.domain.application.port.in;

import com.cruddur.messaging.domain.model.CognitoUserId;
import com.cruddur.messaging.domain.model.PageRequest;
import java.util.Objects;

public record ListMessageGroupsQuery(CognitoUserId caller, PageRequest page) {
    public ListMessageGroupsQuery {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(page, "page");
    }
}
