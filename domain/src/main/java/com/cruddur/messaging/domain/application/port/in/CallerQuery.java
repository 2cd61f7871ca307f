package com.cruddur.messaging.domain.application.port.in;

import com.cruddur.messaging.domain.model.CognitoUserId;
import java.util.Objects;

/** A question about the caller's own state. */
public record CallerQuery(CognitoUserId caller) {
    public CallerQuery {
        Objects.requireNonNull(caller, "caller");
    }
}
