package com.cruddur.messaging.adapter.http.api;

import com.cruddur.messaging.domain.model.CognitoUserId;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthorizationException;
import java.util.Optional;

/** The authenticated caller as the domain knows it: the access token's {@code sub}. */
public final class CallerIds {
    private CallerIds() {
    }

    public static CognitoUserId of(Authentication authentication) {
        return new CognitoUserId(authentication.getName());
    }

    /**
     * The caller of a route that anonymous callers may use too. Credentials that were sent but not
     * accepted are still a 401: an anonymous route must not turn a bad token into "no token".
     */
    static Optional<CognitoUserId> ofOptional(Authentication authentication, String credentials) {
        if (authentication != null) {
            return Optional.of(of(authentication));
        }
        if (credentials != null) {
            throw new AuthorizationException(null);
        }
        return Optional.empty();
    }
}
