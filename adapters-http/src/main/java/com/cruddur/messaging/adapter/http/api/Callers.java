package com.cruddur.messaging.adapter.http.api;

import com.cruddur.messaging.domain.model.CognitoUserId;
import io.micronaut.security.authentication.Authentication;

/** The authenticated caller as the domain knows it: the access token's {@code sub}. */
final class Callers {
    private Callers() {
    }

    static CognitoUserId of(Authentication authentication) {
        return new CognitoUserId(authentication.getName());
    }
}
