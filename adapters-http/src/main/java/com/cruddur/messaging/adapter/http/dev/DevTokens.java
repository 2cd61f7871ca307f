package com.cruddur.messaging.adapter.http.dev;

import com.cruddur.messaging.adapter.http.security.CognitoConfiguration;
import com.cruddur.messaging.domain.model.CognitoUserId;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/** Mints access tokens shaped exactly like Cognito's, signed with the {@link DevSigningKey}. */
@Singleton
@Requires(env = Environment.DEVELOPMENT)
@Requires(notEnv = "prod")
public final class DevTokens {
    public static final Duration LIFETIME = Duration.ofHours(1);

    private final DevSigningKey key;
    private final CognitoConfiguration cognito;

    public DevTokens(DevSigningKey key, CognitoConfiguration cognito) {
        this.key = key;
        this.cognito = cognito;
    }

    public String accessTokenFor(CognitoUserId subject, String username) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(subject.value())
                .issuer(cognito.issuer())
                .claim("token_use", "access")
                .claim("client_id", cognito.clientId())
                .claim("scope", "aws.cognito.signin.user.admin")
                .claim("username", username)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .build();
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.key().getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        try {
            token.sign(new RSASSASigner(key.key()));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a dev token", e);
        }
        return token.serialize();
    }
}
