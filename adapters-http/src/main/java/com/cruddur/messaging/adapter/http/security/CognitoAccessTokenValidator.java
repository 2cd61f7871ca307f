package com.cruddur.messaging.adapter.http.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;

/**
 * What makes a Cognito token an access token for this app (the original checked none of it):
 * {@code iss} is the configured pool, {@code token_use} is {@code access}, {@code client_id} is the
 * configured app client. Expiry and {@code sub} are checked by Micronaut's own validators.
 */
@Singleton
class CognitoAccessTokenValidator<T> implements GenericJwtClaimsValidator<T> {
    private final CognitoConfiguration configuration;

    CognitoAccessTokenValidator(CognitoConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public boolean validate(Claims claims, @Nullable T request) {
        return configuration.issuer().equals(claims.get("iss"))
                && "access".equals(claims.get("token_use"))
                && configuration.clientId().equals(claims.get("client_id"));
    }
}
