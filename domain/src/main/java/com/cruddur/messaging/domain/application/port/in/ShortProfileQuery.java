package com.cruddur.messaging.domain.application.port.in;

import com.cruddur.messaging.domain.error.NotFoundException;
import com.cruddur.messaging.domain.model.CognitoUserId;
import com.cruddur.messaging.domain.model.Handle;
import java.util.Objects;

public record ShortProfileQuery(CognitoUserId caller, Handle handle) {
    public ShortProfileQuery {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(handle, "handle");
    }

    /** From a request path: a blank handle names nobody, so it is not found. */
    public static ShortProfileQuery of(CognitoUserId caller, String handle) {
        if (handle == null || handle.isBlank()) {
            throw NotFoundException.user(String.valueOf(handle));
        }
        return new ShortProfileQuery(caller, new Handle(handle.strip()));
    }
}
