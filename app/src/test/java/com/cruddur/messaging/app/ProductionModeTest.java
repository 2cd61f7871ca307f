package com.cruddur.messaging.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.adapter.http.dev.DevTokens;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Production: settings from the environment only, no embedded engine, no dev tokens, no demo data. */
class ProductionModeTest {

    @Test
    void refusesToStartWithoutItsSettingsAndNamesEveryMissingOne() throws Exception {
        ProcessBuilder launch = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Application.class.getName());
        launch.environment().clear();
        launch.environment().put("MICRONAUT_ENVIRONMENTS", "prod");
        launch.environment().put("CRUDDUR_COGNITO_REGION", "eu-west-1");
        launch.redirectErrorStream(true);

        Process process = launch.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(output).contains("AWS_REGION", "CRUDDUR_FRONTEND_ORIGIN", "CRUDDUR_COGNITO_USER_POOL_ID",
                "CRUDDUR_COGNITO_CLIENT_ID", "CRUDDUR_JDBC_URL", "CRUDDUR_JDBC_USER", "CRUDDUR_JDBC_PASSWORD")
                .doesNotContain("CRUDDUR_COGNITO_REGION,");
    }

    @Test
    void startsNoEngineInProduction() {
        assertThat(Environments.embedded(Set.of("prod"), Map.of())).isFalse();
        assertThat(Environments.embedded(Set.of(), Map.of())).isTrue();
        assertThat(Environments.embedded(Set.of("dev"), Map.of("CRUDDUR_EMBEDDED", "false"))).isFalse();
        assertThat(ProductionSettings.missing(Map.of())).isEqualTo(ProductionSettings.REQUIRED);
    }

    @Test
    void inProductionThereIsNoDevTokenNoDemoDataAndNoPoller() throws IOException {
        Map<String, Object> settings = new HashMap<>(TestEngines.settings("dynamodb", "postgres"));
        settings.putAll(Map.of(
                "cruddur.frontend-origin", "https://cruddur.example",
                "cruddur.cognito.region", "eu-west-1",
                "cruddur.cognito.user-pool-id", "eu-west-1_Prod",
                "cruddur.cognito.client-id", "prod-client",
                "aws.region", "eu-west-1",
                "aws.access-key-id", "local",
                "aws.secret-key", "local",
                "datasources.default.username", "postgres",
                "datasources.default.password", ""));
        settings.put("cruddur.dynamodb.create-table", true);
        int managementPort = FreePorts.pick();
        settings.put("cruddur.management.port", managementPort);

        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, settings, "prod")) {
            ApplicationContext context = server.getApplicationContext();
            Http http = new Http(server.getURI());

            assertThat(context.getEnvironment().getActiveNames()).contains("prod").doesNotContain("dev");
            assertThat(context.containsBean(DevTokens.class)).isFalse();
            assertThat(context.containsBean(DemoData.class)).isFalse();
            assertThat(context.getProperty("cruddur.dynamodb.poll-stream", Boolean.class)).contains(false);
            assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                    .doesNotContain("dynamodb-stream-poller");
            HttpResponse<String> mint = http.post("/dev/tokens/andrewbrown", null, "");
            assertThat(mint.statusCode()).isIn(401, 404);
            assertThat(List.of(http.get("/api/message_groups", "not-a-token").statusCode())).containsExactly(401);

            HttpResponse<String> publicHealth = http.get("/health", "none");
            assertThat(publicHealth.statusCode()).isEqualTo(200);
            assertThat(publicHealth.body()).as("no JDBC URL, version or disk on the public port").isEqualTo("{\"status\":\"UP\"}");
            assertThat(http.get("/prometheus", "none").statusCode()).isEqualTo(404);
            Http management = new Http(URI.create("http://127.0.0.1:" + managementPort));
            assertThat(management.get("/health", "none").body()).contains("\"jdbc\"", "\"stores\"");
            assertThat(management.get("/prometheus", "none").body()).contains("jvm_memory_used_bytes");
            assertThat(PortOwners.listeners(managementPort)).as("the management port's listening sockets").isNotEmpty()
                    .allMatch(PortOwners.Listener::isLoopback);
        }
    }

}
