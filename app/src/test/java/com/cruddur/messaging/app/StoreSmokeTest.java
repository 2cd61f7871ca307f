package com.cruddur.messaging.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The embedded default as the launcher runs it (dev environment, engines, demo data, stream poller),
 * with each conversation store: the same journey over real HTTP passes on all three.
 */
class StoreSmokeTest {
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @ParameterizedTest(name = "store={0}, directory={1}")
    @CsvSource({"dynamodb, postgres", "postgres, postgres", "memory, memory"})
    void theDemoAndAConversationWorkOnEveryStore(String store, String directory) {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, TestEngines.settings(store, directory),
                "dev", "test")) {
            Http http = new Http(server.getURI());
            String andrew = http.devToken("andrewbrown");
            String londo = http.devToken("londo");
            String bayko = http.devToken("bayko");

            assertThat(http.get("/api/message_groups", andrew).body()).contains("\"handle\":\"bayko\"");
            assertThat(http.get("/health", andrew).body()).contains("\"conversations\":\"UP\"", "\"users\":\"UP\"");

            HttpResponse<String> first = http.post("/api/messages", londo, "{\"message\":\"Hello from " + store
                    + "\",\"handle\":\"bayko\"}");
            assertThat(first.statusCode()).isEqualTo(200);
            String group = Http.extract(first.body(), "\"message_group_uuid\":\"(" + UUID + ")\"");
            assertThat(http.post("/api/messages", bayko, "{\"message\":\"Reply on " + store + "\",\"message_group_uuid\":\""
                    + group + "\"}").statusCode()).isEqualTo(200);

            http.await("/api/message_groups", londo, body -> body.contains("\"message\":\"Reply on " + store + "\""));
            assertThat(http.get("/api/messages/" + group, bayko).body())
                    .contains("Hello from " + store, "Reply on " + store);
            assertThat(http.get("/api/messages/" + group, andrew).statusCode()).isEqualTo(404);
        }
    }
}
