package com.cruddur.messaging.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The pool's keys are fetched once, kept, and fetched again only when a token names a key id not held. */
@MicronautTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JwksCachingTest extends HttpTest {
    private static final CognitoStandIn POOL = new CognitoStandIn();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>();
        POOL.properties().forEach((key, value) -> properties.put(key, String.valueOf(value)));
        properties.put("cruddur.cognito.jwks-refresh-minimum", "30s");
        return properties;
    }

    @AfterAll
    void stopPool() {
        POOL.close();
    }

    @Test
    @Order(1)
    void fetchesTheKeysOnceForManyRequests() {
        String token = POOL.accessToken(TestWiring.sub(TestWiring.ANDREW));

        for (int i = 0; i < 25; i++) {
            assertThat(api().get("/api/message_groups", token).statusCode()).isEqualTo(200);
        }

        assertThat(POOL.jwksFetches()).isEqualTo(1);
    }

    @Test
    @Order(2)
    void fetchesAgainWhenTheKeyIsRotatedAndKeepsAcceptingTheOldKey() {
        String oldKeyToken = POOL.accessToken(TestWiring.sub(TestWiring.BAYKO));
        POOL.rotate();
        String newKeyToken = POOL.accessToken(TestWiring.sub(TestWiring.BAYKO));

        assertThat(api().get("/api/message_groups", newKeyToken).statusCode()).isEqualTo(200);
        assertThat(api().get("/api/message_groups", newKeyToken).statusCode()).isEqualTo(200);
        assertThat(api().get("/api/message_groups", oldKeyToken).statusCode()).isEqualTo(200);

        assertThat(POOL.jwksFetches()).isEqualTo(2);
    }

    @Test
    @Order(3)
    void aFloodOfUnknownKeyIdsCannotHammerThePool() {
        for (int i = 0; i < 20; i++) {
            assertThat(api().get("/api/message_groups", POOL.tokenWithUnknownKeyId(TestWiring.sub(TestWiring.LONDO)))
                    .statusCode()).isEqualTo(401);
        }

        assertThat(POOL.jwksFetches()).isBetween(2, 4);
    }
}
