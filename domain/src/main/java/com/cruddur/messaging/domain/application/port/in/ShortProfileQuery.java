package com.cruddur.messaging.domain.application.port.in;

import com.cruddur.messaging.domain.error.NotFoundException;
import com.cruddur.messaging.domain.model.CognitoUserId;
import com.cruddur.messaging.domain.model.Handle;
import java.util.Objects;
import java.util.Optional;

/**
 * @param caller the token's {@code sub} when the request carried a token; empty for an anonymous
 *               caller (the original frontend's new-conversation page asks without one)
 */
public record ShortProfileQuery(Optional<CognitoUserId> caller, Handle handle) {
    public ShortProfileQuery {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(handle, "handle");
    }

    /** From a request path: a blank handle names nobody, so it is not found. */
    public static ShortProfileQuery of(Optional<CognitoUserId> caller, String handle) {
        if (handle == null || handle.isBlank()) {
            throw NotFoundException.user(String.valueOf(handle));
        }
        return new ShortProfileQuery(caller, new Handle(handle.strip()));
    }
}
