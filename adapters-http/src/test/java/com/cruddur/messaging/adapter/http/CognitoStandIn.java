package com.cruddur.messaging.adapter.http;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A user pool as far as the API can tell: a JWKS served over real HTTP on 127.0.0.1, and real
 * RS256 access tokens signed with its keys. Counts how often the JWKS is fetched.
 */
public final class CognitoStandIn implements AutoCloseable {
    public static final String REGION = "us-east-1";
    public static final String POOL = "us-east-1_TestPool";
    public static final String CLIENT_ID = "test-app-client";
    public static final String ISSUER = "https://cognito-idp." + REGION + ".amazonaws.com/" + POOL;
    /** A key the pool never publishes: made once, as making an RSA key takes a while. */
    private static final RSAKey STRANGER = newKey("stranger");

    private final HttpServer server;
    private final List<RSAKey> keys = new CopyOnWriteArrayList<>();
    private final AtomicInteger fetches = new AtomicInteger();

    public CognitoStandIn() {
        rotate();
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/jwks.json", exchange -> {
            fetches.incrementAndGet();
            byte[] body = new JWKSet(keys.stream().map(key -> (JWK) key.toPublicJWK()).toList()).toString()
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    public String jwksUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json";
    }

    public int jwksFetches() {
        return fetches.get();
    }

    /** Publishes a new signing key, which new tokens use, as Cognito does when it rotates keys. */
    public void rotate() {
        keys.add(newKey("key-" + keys.size()));
    }

    /** A valid access token of this pool for the user with this {@code sub}. */
    public String accessToken(String sub) {
        return token(sub, claims -> claims);
    }

    public String token(String sub, UnaryOperator<JWTClaimsSet.Builder> change) {
        return sign(currentKey(), change.apply(validClaims(sub)).build());
    }

    /** A token signed with a key the pool never published. */
    public String tokenSignedByStranger(String sub) {
        return sign(new RSAKey.Builder(STRANGER).keyID(currentKey().getKeyID()).build(), validClaims(sub).build());
    }

    /** A token naming a key id the pool does not have (a new one each time; one stranger's key signs them all). */
    public String tokenWithUnknownKeyId(String sub) {
        return sign(new RSAKey.Builder(STRANGER).keyID("no-such-key-" + UUID.randomUUID()).build(), validClaims(sub).build());
    }

    public static JWTClaimsSet.Builder validClaims(String sub) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .subject(sub)
                .issuer(ISSUER)
                .claim("token_use", "access")
                .claim("client_id", CLIENT_ID)
                .claim("scope", "aws.cognito.signin.user.admin")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600)));
    }

    public Map<String, Object> properties() {
        return Map.of("cruddur.cognito.jwks-url", jwksUrl(), "cruddur.cognito.jwks-refresh-minimum", "1s");
    }

    private RSAKey currentKey() {
        return keys.get(keys.size() - 1);
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        try {
            token.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return token.serialize();
    }

    private static RSAKey newKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
