package com.cruddur.messaging.production;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.devengines.EmbeddedPostgresEngine;
import com.cruddur.messaging.devengines.LocalDynamoDb;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The production jar as built (the image's): it carries no dev engine, serves in production mode on
 * engines it is pointed at (here DynamoDB Local and PostgreSQL from this build's dev engines, on
 * 127.0.0.1), and refuses, with what to do instead, a start that would need the embedded engines.
 */
class ProductionJarIT {
    private static final Path JAR = Path.of(System.getProperty("production.jar", "target/cruddur-messaging-prod.jar"));
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void holdsTheServiceAndNothingOfTheDevEngines() throws IOException {
        List<String> entries;
        try (JarFile jar = new JarFile(JAR.toFile())) {
            entries = Collections.list(jar.entries()).stream().map(JarEntry::getName).toList();
        }

        assertThat(entries).contains(
                "com/cruddur/messaging/app/Application.class",
                "com/cruddur/messaging/adapter/dynamodb/DynamoDbConversationStore.class",
                "com/cruddur/messaging/adapter/postgres/users/PostgresUserDirectory.class",
                "com/cruddur/messaging/adapter/http/api/MessagesController.class",
                "org/postgresql/Driver.class",
                "io/netty/channel/Channel.class");
        assertThat(entries).as("no DynamoDB Local (nor Jetty, SQLite, the AWS SDK v1), no embedded PostgreSQL, no build-time tooling")
                .noneMatch(entry -> entry.startsWith("com/cruddur/messaging/devengines/")
                        || entry.startsWith("com/amazonaws/services/dynamodbv2/") || entry.startsWith("com/almworks/")
                        || entry.startsWith("native/") || entry.endsWith(".so") || entry.startsWith("org/eclipse/jetty/")
                        || entry.startsWith("io/zonky/") || entry.endsWith(".txz")
                        || entry.startsWith("org/mockito/") || entry.startsWith("org/antlr/")
                        || entry.startsWith("com/github/javaparser/"));
        long megabytes = Files.size(JAR) >> 20;
        System.out.printf("[production] %s: %d MB%n", JAR.getFileName(), megabytes);
    }

    @Test
    void servesInProductionModeOnTheEnginesItIsGiven() throws Exception {
        int port = freePort();
        int managementPort = freePort();
        Path log = Files.createTempFile("production-jar", ".log");
        try (LocalDynamoDb dynamoDb = LocalDynamoDb.start();
             EmbeddedPostgresEngine postgres = EmbeddedPostgresEngine.start(0, Optional.empty())) {
            Map<String, String> environment = Map.ofEntries(
                    Map.entry("MICRONAUT_ENVIRONMENTS", "prod"),
                    Map.entry("MICRONAUT_SERVER_PORT", String.valueOf(port)),
                    Map.entry("CRUDDUR_MANAGEMENT_PORT", String.valueOf(managementPort)),
                    Map.entry("AWS_REGION", "us-east-1"),
                    Map.entry("AWS_ACCESS_KEY_ID", "local"),
                    Map.entry("AWS_SECRET_ACCESS_KEY", "local"),
                    Map.entry("AWS_SERVICES_DYNAMODB_ENDPOINT_OVERRIDE", dynamoDb.endpoint().toString()),
                    Map.entry("CRUDDUR_DYNAMODB_CREATE_TABLE", "true"),
                    Map.entry("CRUDDUR_FRONTEND_ORIGIN", "http://127.0.0.1:3000"),
                    Map.entry("CRUDDUR_COGNITO_REGION", "us-east-1"),
                    Map.entry("CRUDDUR_COGNITO_USER_POOL_ID", "us-east-1_production"),
                    Map.entry("CRUDDUR_COGNITO_CLIENT_ID", "production"),
                    Map.entry("CRUDDUR_JDBC_URL", postgres.jdbcUrl("postgres")),
                    Map.entry("CRUDDUR_JDBC_USER", EmbeddedPostgresEngine.USER),
                    Map.entry("CRUDDUR_JDBC_PASSWORD", "unused"));
            Process service = start(environment, log);
            try {
                HttpResponse<String> health = awaitAnswer(URI.create("http://127.0.0.1:" + managementPort + "/health"), log);

                assertThat(health.statusCode()).as("full health on the management port; log %s", log).isEqualTo(200);
                assertThat(health.body()).contains("\"stores\"").contains("\"conversations\":\"UP\"").contains("\"users\":\"UP\"");
                assertThat(get(URI.create("http://127.0.0.1:" + port + "/health")).body()).isEqualTo("{\"status\":\"UP\"}");
                assertThat(get(URI.create("http://127.0.0.1:" + port + "/api/message_groups")).statusCode()).isEqualTo(401);
            } finally {
                service.destroy();
                assertThat(service.waitFor(30, TimeUnit.SECONDS)).as("a graceful stop").isTrue();
            }
        }
        assertThat(Files.readString(log)).contains("\"level\":\"INFO\"").doesNotContain("\"level\":\"ERROR\"");
    }

    @Test
    void refusesAStartThatWouldNeedTheEmbeddedEnginesAndSaysWhatToDo() throws Exception {
        Path log = Files.createTempFile("production-jar", ".log");
        Process service = start(Map.of("MICRONAUT_SERVER_PORT", String.valueOf(freePort())), log);

        assertThat(service.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(service.exitValue()).isEqualTo(1);
        assertThat(Files.readString(log)).contains("this is the production jar, which carries no embedded engines")
                .contains("MICRONAUT_ENVIRONMENTS=prod");
    }

    private static Process start(Map<String, String> environment, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("MICRONAUT_") || name.startsWith("CRUDDUR_"));
        builder.environment().putAll(environment);
        return builder.start();
    }

    private static HttpResponse<String> awaitAnswer(URI uri, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = get(uri);
                if (response.statusCode() == 200) {
                    return response;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no healthy answer from " + uri + " within 90 s; log:\n" + Files.readString(log));
    }

    private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
