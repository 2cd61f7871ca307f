package com.cruddur.messaging.adapter.http.dev;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.security.token.jwt.signature.ReactiveSignatureConfiguration;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/** In {@code dev} only: accepts tokens signed with the {@link DevSigningKey}, beside the user pool's. */
@Singleton
@Requires(env = Environment.DEVELOPMENT)
@Requires(notEnv = "prod")
class DevSignature implements ReactiveSignatureConfiguration<SignedJWT> {
    private final DevSigningKey key;

    DevSignature(DevSigningKey key) {
        this.key = key;
    }

    @Override
    public Publisher<Boolean> verify(SignedJWT token) {
        try {
            return Mono.just(key.key().getKeyID().equals(token.getHeader().getKeyID())
                    && token.verify(new RSASSAVerifier(key.key())));
        } catch (JOSEException e) {
            return Mono.just(false);
        }
    }
}
