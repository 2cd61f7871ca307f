package com.cruddur.messaging.adapter.http.dev;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import com.cruddur.messaging.adapter.http.security.VerifiedTokens;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.core.order.Ordered;
import io.micronaut.security.token.jwt.signature.ReactiveSignatureConfiguration;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * In {@code dev} only: accepts tokens signed with the {@link DevSigningKey}, beside the user pool's.
 * It is asked first: it answers at once, and a dev token then never reaches the user pool's check,
 * which would look its unknown key up off the event loop.
 */
@Singleton
@Requires(env = Environment.DEVELOPMENT)
@Requires(notEnv = "prod")
class DevSignature implements ReactiveSignatureConfiguration<SignedJWT>, Ordered {
    private final DevSigningKey key;
    private final VerifiedTokens verified = new VerifiedTokens();

    DevSignature(DevSigningKey key) {
        this.key = key;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Publisher<Boolean> verify(SignedJWT token) {
        if (verified.contains(token)) {
            return Mono.just(true);
        }
        try {
            boolean good = key.key().getKeyID().equals(token.getHeader().getKeyID())
                    && token.verify(new RSASSAVerifier(key.key()));
            if (good) {
                verified.remember(token);
            }
            return Mono.just(good);
        } catch (JOSEException e) {
            return Mono.just(false);
        }
    }
}
