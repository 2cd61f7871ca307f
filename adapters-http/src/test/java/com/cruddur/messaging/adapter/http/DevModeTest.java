package com.cruddur.messaging.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.adapter.http.dev.DevTokens;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dev tokens exist in the dev environment only: not in others, and never together with prod. */
class DevModeTest {
    private static final CognitoStandIn POOL = new CognitoStandIn();

    @TempDir
    Path keys;

    @Test
    void inDevATokenForASeedUserOpensTheApi() {
        try (EmbeddedServer server = start("dev", "test")) {
            Api api = new Api(server.getURI());

            HttpResponse<String> minted = api.post("/dev/tokens/andrewbrown", null, "");
            String token = HttpTest.extract(minted.body(), "\"access_token\":\"([^\"]+)\"");

            assertThat(minted.statusCode()).isEqualTo(200);
            assertThat(minted.body()).contains("\"token_type\":\"Bearer\"", "\"expires_in\":3600");
            assertThat(api.get("/api/message_groups", token).statusCode()).isEqualTo(200);
            assertThat(api.post("/dev/tokens/nobody", null, "").statusCode()).isEqualTo(404);
            assertThat(Files.exists(keys.resolve("dev-key.json"))).isTrue();
        }
    }

    @Test
    void aDevTokenIsCheckedWithoutAskingTheUserPoolForKeys() {
        try (EmbeddedServer server = start("dev", "test")) {
            Api api = new Api(server.getURI());
            String token = HttpTest.extract(api.post("/dev/tokens/andrewbrown", null, "").body(),
                    "\"access_token\":\"([^\"]+)\"");
            int fetchesBefore = POOL.jwksFetches();

            for (int i = 0; i < 5; i++) {
                assertThat(api.get("/api/message_groups", token).statusCode()).isEqualTo(200);
            }
            assertThat(POOL.jwksFetches()).isEqualTo(fetchesBefore);
            assertThat(api.get("/api/message_groups", POOL.accessToken(TestWiring.sub(TestWiring.ANDREW))).statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void outsideDevThereIsNoWayToMintATokenAndDevTokensAreRejected() {
        String devToken;
        try (EmbeddedServer dev = start("dev", "test")) {
            devToken = dev.getApplicationContext().getBean(DevTokens.class)
                    .accessTokenFor(TestWiring.ANDREW.cognitoUserId().orElseThrow(), "andrewbrown");
        }
        for (String[] environments : new String[][] {{"test"}, {"dev", "prod", "test"}}) {
            try (EmbeddedServer server = start(environments)) {
                Api api = new Api(server.getURI());

                assertThat(server.getApplicationContext().containsBean(DevTokens.class)).isFalse();
                assertThat(api.post("/dev/tokens/andrewbrown", null, "").statusCode()).isIn(401, 404);
                assertThat(api.get("/api/message_groups", devToken).statusCode()).isEqualTo(401);
            }
        }
    }

    private EmbeddedServer start(String... environments) {
        Map<String, Object> properties = new HashMap<>(POOL.properties());
        properties.put("cruddur.dev.key-file", keys.resolve("dev-key.json").toString());
        return ApplicationContext.run(EmbeddedServer.class, properties, environments);
    }
}
