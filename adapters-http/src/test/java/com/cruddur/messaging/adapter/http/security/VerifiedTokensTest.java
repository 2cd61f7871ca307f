package com.cruddur.messaging.adapter.http.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.adapter.http.CognitoStandIn;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** A checked signature is taken on trust for the exact same token only, and never past its expiry or its key's trust. */
class VerifiedTokensTest {
    private static final CognitoStandIn POOL = new CognitoStandIn();
    private static final String SUB = "8c9e8a8c-0000-4000-8000-000000000001";

    private final VerifiedTokens verified = new VerifiedTokens();

    @AfterAll
    static void stopPool() {
        POOL.close();
    }

    @Test
    void aRememberedTokenIsKnownAndNoOtherIs() throws ParseException {
        String token = POOL.accessToken(SUB);
        verified.remember(parse(token));

        assertThat(verified.contains(parse(token))).isTrue();
        assertThat(verified.contains(parse(POOL.accessToken(SUB + "0")))).isFalse();
    }

    @Test
    void theSameClaimsUnderAnotherSignatureAreNotKnown() throws ParseException {
        String token = POOL.accessToken(SUB);
        verified.remember(parse(token));
        String[] parts = token.split("\\.");
        String strangerSignature = POOL.tokenSignedByStranger(SUB).split("\\.")[2];

        assertThat(verified.contains(parse(parts[0] + "." + parts[1] + "." + strangerSignature))).isFalse();
    }

    @Test
    void anExpiredTokenIsNotKept() throws ParseException {
        SignedJWT expired = parse(POOL.token(SUB, claims -> claims.expirationTime(Date.from(Instant.now().minusSeconds(1)))));
        verified.remember(expired);

        assertThat(verified.contains(expired)).isFalse();
    }

    @Test
    void aTokenWithoutExpiryIsNotKept() throws ParseException {
        SignedJWT endless = parse(POOL.token(SUB, claims -> claims.expirationTime(null)));
        verified.remember(endless);

        assertThat(verified.contains(endless)).isFalse();
    }

    @Test
    void aTokenIsForgottenWhenItsKeyIsNoLongerTrusted() throws Exception {
        SignedJWT token = parse(POOL.accessToken(SUB));
        verified.remember(token, Duration.ofMillis(50));

        assertThat(verified.contains(token)).isTrue();
        Thread.sleep(120);
        assertThat(verified.contains(token)).isFalse();
    }

    @Test
    void aTokenIsForgottenWhenItExpires() throws Exception {
        SignedJWT token = parse(POOL.token(SUB, claims -> claims.expirationTime(Date.from(Instant.now().plusMillis(1_500)))));
        verified.remember(token);

        assertThat(verified.contains(token)).isTrue();
        Thread.sleep(1_600);
        assertThat(verified.contains(token)).isFalse();
    }

    private static SignedJWT parse(String token) throws ParseException {
        return SignedJWT.parse(token);
    }
}
