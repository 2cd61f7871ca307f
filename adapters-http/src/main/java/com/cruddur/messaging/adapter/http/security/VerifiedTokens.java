package com.cruddur.messaging.adapter.http.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Duration;
import java.util.Date;

/**
 * Tokens whose RS256 signature was already found good. A client sends the same access token with
 * every request for up to an hour, and the RSA check was a fifth of the event loop's work under load.
 *
 * <p>Only the exact token bytes hit (the whole compact string is the key, signature included), only
 * good signatures are kept, and a token is kept no longer than its own expiry nor than the key that
 * verified it is trusted without asking the key set again. This holds the signature check alone: the
 * claims (expiry, issuer, client, token use) are still checked on every request.
 */
public final class VerifiedTokens {
    private static final int MAXIMUM_TOKENS = 10_000;
    /** Cognito access tokens live one day at most; whatever a token claims, it is not kept longer. */
    private static final Duration LONGEST_KEEP = Duration.ofDays(1);

    /** Each token with the {@link System#nanoTime()} until which its signature stays accepted. */
    private final Cache<String, Long> trustedUntil = Caffeine.newBuilder()
            .maximumSize(MAXIMUM_TOKENS)
            .expireAfter(Expiry.creating((String token, Long until) -> Duration.ofNanos(Math.max(0, until - System.nanoTime()))))
            .build();

    /** Whether this exact token's signature was found good and may still be trusted. */
    public boolean contains(SignedJWT token) {
        return token.getParsedString() != null && trustedUntil.getIfPresent(token.getParsedString()) != null;
    }

    /** Keeps a token whose signature was just found good, until it expires. */
    public void remember(SignedJWT token) {
        remember(token, LONGEST_KEEP);
    }

    /**
     * Keeps a token whose signature was just found good, until it expires or, if sooner, until the
     * key that verified it is no longer trusted. A token without a readable expiry is not kept.
     */
    public void remember(SignedJWT token, Duration keyTrustedFor) {
        Date expiry;
        try {
            expiry = token.getJWTClaimsSet().getExpirationTime();
        } catch (ParseException unreadable) {
            return;
        }
        if (expiry == null || token.getParsedString() == null) {
            return;
        }
        Duration expiresIn = Duration.ofMillis(expiry.getTime() - System.currentTimeMillis());
        Duration keep = shortest(expiresIn, keyTrustedFor, LONGEST_KEEP);
        if (keep.isNegative() || keep.isZero()) {
            return;
        }
        trustedUntil.put(token.getParsedString(), System.nanoTime() + keep.toNanos());
    }

    private static Duration shortest(Duration... durations) {
        return java.util.Arrays.stream(durations).min(Duration::compareTo).orElseThrow();
    }
}
