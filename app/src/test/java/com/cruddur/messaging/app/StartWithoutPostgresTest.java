package com.cruddur.messaging.app;

import com.cruddur.messaging.adapter.postgres.Databases;
import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.devengines.EmbeddedPostgresEngine;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Found by the fault soak: an instance restarted while PostgreSQL was down exited ("DataSource could not be
 * loaded") and never came back. Now it waits for the database and starts when it answers.
 */
class StartWithoutPostgresTest {

    @Test
    void anInstanceStartedWhilePostgresIsDownWaitsForItInsteadOfExiting() throws Exception {
        int port = FreePorts.pick();
        CompletableFuture<EmbeddedServer> starting = CompletableFuture.supplyAsync(() -> ApplicationContext.builder()
                .deduceEnvironment(false).environments("dev")
                .properties(Map.of("micronaut.server.port", -1, "cruddur.embedded.postgres-port", port,
                        "cruddur.store", "memory", "cruddur.demo-data", false, "cruddur.dynamodb.poll-stream", false))
                .run(EmbeddedServer.class));
        Thread.sleep(3_000);
        assertThat(starting).as("still waiting for PostgreSQL").isNotDone();

        try (EmbeddedPostgresEngine postgres = EmbeddedPostgresEngine.start(port)) {
            Databases.create(postgres.maintenanceDatabase(), "cruddur");
            try (EmbeddedServer server = starting.get(60, TimeUnit.SECONDS)) {
                assertThat(new Http(server.getURI()).get("/health", "none").statusCode()).isEqualTo(200);
            }
        }
    }
}
