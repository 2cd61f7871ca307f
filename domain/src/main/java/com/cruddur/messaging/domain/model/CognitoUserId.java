package com.cruddur.messaging.domain.model;

import java.util.Objects;

/** The {@code sub} claim of a Cognito access token, stored as {@code users.cognito_user_id}. */
public record CognitoUserId(String value) {
    public CognitoUserId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a cognito user id is never blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
