package com.cruddur.messaging.adapter.http.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.security.token.jwt.signature.ReactiveSignatureConfiguration;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Verifies RS256 signatures against the user pool's JWKS. Nimbus caches the key set and fetches it
 * again when a token names a key id it does not hold (a rotated key), rate-limited to two fetches per
 * {@code jwks-refresh-minimum}. Fetching blocks, so it runs off the event loop; a token whose key was
 * found within the cache's lifetime is checked right away, without a thread switch, and a token already
 * checked is not checked again while that key is trusted ({@link VerifiedTokens}).
 */
@Singleton
class CognitoJwksSignature implements ReactiveSignatureConfiguration<SignedJWT> {
    private static final Logger LOG = LoggerFactory.getLogger(CognitoJwksSignature.class);
    private static final int JWKS_TIMEOUT_MILLIS = 2_000;
    private static final int JWKS_SIZE_LIMIT = 256 * 1024;

    private final JWKSource<SecurityContext> keys;
    private final Duration keyLifetime;
    private final Map<String, KnownKey> known = new ConcurrentHashMap<>();
    private final VerifiedTokens verified = new VerifiedTokens();

    /** A key Nimbus handed out, and until when it may be used without asking Nimbus again. */
    private record KnownKey(RSAKey key, long validUntilNanos) {
    }

    CognitoJwksSignature(CognitoConfiguration configuration) {
        this.keyLifetime = configuration.jwksCacheTtl();
        this.keys = JWKSourceBuilder.<SecurityContext>create(configuration.jwks(),
                        new DefaultResourceRetriever(JWKS_TIMEOUT_MILLIS, JWKS_TIMEOUT_MILLIS, JWKS_SIZE_LIMIT))
                .cache(configuration.jwksCacheTtl().toMillis(), JWKS_TIMEOUT_MILLIS)
                .rateLimited(configuration.jwksRefreshMinimum().toMillis())
                .refreshAheadCache(false)
                .build();
    }

    @Override
    public Publisher<Boolean> verify(SignedJWT token) {
        if (verified.contains(token)) {
            return Mono.just(true);
        }
        KnownKey known = token.getHeader().getKeyID() == null ? null : this.known.get(token.getHeader().getKeyID());
        if (known != null && System.nanoTime() < known.validUntilNanos()
                && JWSAlgorithm.RS256.equals(token.getHeader().getAlgorithm())) {
            return Mono.just(verifiedBy(known, token));
        }
        return Mono.fromCallable(() -> verifyNow(token)).subscribeOn(Schedulers.boundedElastic());
    }

    private boolean verifiedBy(KnownKey key, SignedJWT token) {
        try {
            if (!token.verify(new RSASSAVerifier(key.key()))) {
                return false;
            }
        } catch (JOSEException e) {
            return false;
        }
        verified.remember(token, Duration.ofNanos(key.validUntilNanos() - System.nanoTime()));
        return true;
    }

    private boolean verifyNow(SignedJWT token) {
        if (!JWSAlgorithm.RS256.equals(token.getHeader().getAlgorithm()) || token.getHeader().getKeyID() == null) {
            return false;
        }
        try {
            List<JWK> candidates = keys.get(new JWKSelector(JWKMatcher.forJWSHeader(token.getHeader())), null);
            for (JWK candidate : candidates) {
                if (candidate instanceof RSAKey rsa && token.verify(new RSASSAVerifier(rsa))) {
                    known.put(rsa.getKeyID(), new KnownKey(rsa, System.nanoTime() + keyLifetime.toNanos()));
                    verified.remember(token, keyLifetime);
                    return true;
                }
            }
            return false;
        } catch (JOSEException e) {
            LOG.warn("cannot verify a token against the user pool's keys: {}", e.toString());
            return false;
        }
    }
}
