package com.cruddur.messaging.adapter.http.security;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;

/**
 * {@code cruddur.cognito.*}: the user pool whose access tokens the API accepts.
 *
 * @param jwksUrl            where the pool's keys are; by default the pool's own {@code .well-known/jwks.json}
 * @param jwksCacheTtl       how long fetched keys are trusted before they are fetched again
 * @param jwksRefreshMinimum the window in which at most two fetches happen, so that tokens with made-up key ids cannot flood the pool
 */
@ConfigurationProperties("cruddur.cognito")
public record CognitoConfiguration(
        @NotBlank String region,
        @NotBlank String userPoolId,
        @NotBlank String clientId,
        @Nullable String jwksUrl,
        @Bindable(defaultValue = "15m") Duration jwksCacheTtl,
        @Bindable(defaultValue = "30s") Duration jwksRefreshMinimum) {

    /** The {@code iss} of the pool's tokens. */
    public String issuer() {
        return "https://cognito-idp." + region + ".amazonaws.com/" + userPoolId;
    }

    URL jwks() {
        try {
            return URI.create(jwksUrl != null ? jwksUrl : issuer() + "/.well-known/jwks.json").toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("cruddur.cognito.jwks-url is not a URL: " + jwksUrl, e);
        }
    }
}
