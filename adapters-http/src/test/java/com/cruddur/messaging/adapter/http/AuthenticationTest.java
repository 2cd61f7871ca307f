package com.cruddur.messaging.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.cruddur.messaging.domain.model.Profile;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Authentication (README, REST API: authentication): only a valid access token of the configured pool and client gets in, and only for registered users. */
@MicronautTest
class AuthenticationTest extends HttpTest {

    static Stream<Arguments> rejectedTokens() {
        String sub = TestWiring.sub(TestWiring.ANDREW);
        return Stream.of(
                Arguments.of("no token", null),
                Arguments.of("not a JWT", "definitely-not-a-jwt"),
                Arguments.of("expired", COGNITO.token(sub, claims -> claims
                        .expirationTime(Date.from(Instant.now().minusSeconds(60))))),
                Arguments.of("another pool's issuer", COGNITO.token(sub, claims -> claims
                        .issuer("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_OtherPool"))),
                Arguments.of("an id token", COGNITO.token(sub, claims -> claims.claim("token_use", "id"))),
                Arguments.of("no token_use", COGNITO.token(sub, claims -> claims.claim("token_use", null))),
                Arguments.of("another app client", COGNITO.token(sub, claims -> claims.claim("client_id", "other-client"))),
                Arguments.of("no subject", COGNITO.token(sub, claims -> claims.subject(null))),
                Arguments.of("signed by a key the pool never published", COGNITO.tokenSignedByStranger(sub)),
                Arguments.of("an unknown key id", COGNITO.tokenWithUnknownKeyId(sub)),
                Arguments.of("unsigned (alg none)", new PlainJWT(CognitoStandIn.validClaims(sub).build()).serialize()),
                Arguments.of("HMAC-signed with the client id", hmacSigned(sub)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedTokens")
    void rejectsWith401(String why, String token) {
        HttpResponse<String> response = api().get("/api/message_groups", token);

        assertThat(response.statusCode()).as(why).isEqualTo(401);
    }

    @Test
    void acceptsAValidAccessToken() {
        assertThat(api().get("/api/message_groups", tokenOf(TestWiring.ANDREW)).statusCode()).isEqualTo(200);
    }

    @Test
    void aTokenAcceptedBeforeVouchesForNoLookalike() {
        String sub = TestWiring.sub(TestWiring.ANDREW);
        String token = COGNITO.accessToken(sub);
        String[] parts = token.split("\\.");
        String strangerSignature = COGNITO.tokenSignedByStranger(sub).split("\\.")[2];
        String otherPayload = COGNITO.token(sub, claims -> claims.claim("client_id", "other-client")).split("\\.")[1];

        assertThat(api().get("/api/message_groups", token).statusCode()).isEqualTo(200);
        assertThat(api().get("/api/message_groups", parts[0] + "." + parts[1] + "." + strangerSignature).statusCode())
                .isEqualTo(401);
        assertThat(api().get("/api/message_groups", parts[0] + "." + otherPayload + "." + parts[2]).statusCode())
                .isEqualTo(401);
    }

    @Test
    void aTokenAcceptedBeforeIsRejectedOnceItExpires() throws InterruptedException {
        Instant expiry = Instant.now().plusSeconds(2);
        String token = COGNITO.token(TestWiring.sub(TestWiring.ANDREW), claims -> claims.expirationTime(Date.from(expiry)));

        assertThat(api().get("/api/message_groups", token).statusCode()).isEqualTo(200);
        Thread.sleep(Math.max(0, java.time.Duration.between(Instant.now(), expiry).toMillis()) + 1_100);
        assertThat(api().get("/api/message_groups", token).statusCode()).isEqualTo(401);
    }

    @Test
    void aValidTokenOfAnUnregisteredUserIsForbidden() {
        HttpResponse<String> response = api().get("/api/message_groups",
                COGNITO.accessToken(TestWiring.UNREGISTERED_SUB));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("[\"user_not_registered\"]");
    }

    @Test
    void everyApiRouteButTheShortProfileNeedsAToken() {
        assertThat(api().get("/api/message_groups", null).statusCode()).isEqualTo(401);
        assertThat(api().get("/api/messages/" + java.util.UUID.randomUUID(), null).statusCode()).isEqualTo(401);
        assertThat(api().post("/api/messages", null, "{\"message\":\"hi\",\"handle\":\"bayko\"}").statusCode())
                .isEqualTo(401);
    }

    @Test
    void theShortProfileIsPublicAsInTheOriginalButASentTokenIsStillChecked() {
        Profile bob = newUser("bob").profile();
        String path = "/api/users/@" + bob.handle().value() + "/short";

        HttpResponse<String> anonymous = api().get(path, null);

        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(anonymous.body()).isEqualTo("{\"uuid\":\"" + bob.id() + "\",\"handle\":\"" + bob.handle().value()
                + "\",\"display_name\":\"" + bob.displayName() + "\"}");
        assertThat(api().get("/api/users/@nobody-" + System.nanoTime() + "/short", null).statusCode()).isEqualTo(404);
        assertThat(api().get(path, hmacSigned(TestWiring.UNREGISTERED_SUB)).statusCode()).isEqualTo(401);
        assertThat(api().get(path, "not-a-token").statusCode()).isEqualTo(401);
        assertThat(api().get(path, COGNITO.accessToken(TestWiring.UNREGISTERED_SUB)).statusCode()).isEqualTo(403);
    }

    private static String hmacSigned(String sub) {
        try {
            SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), CognitoStandIn.validClaims(sub).build());
            token.sign(new MACSigner("a-shared-secret-that-is-at-least-256-bits-long!!"));
            return token.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
