package com.cruddur.messaging.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default started the way a user starts it, in a process of its own, from an empty
 * directory: it serves, and leaves that directory as it found it (DynamoDB Local's telemetry file
 * among what it must not write).
 */
class WorkingDirectoryTest {
    @TempDir
    Path workingDirectory;

    @Test
    void theEmbeddedDefaultWritesNothingIntoTheDirectoryItIsStartedFrom() throws Exception {
        int port = freePort();
        Path log = Files.createTempFile("working-directory-test", ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Application.class.getName())
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("MICRONAUT_SERVER_PORT", String.valueOf(port));
        builder.environment().put("CRUDDUR_EMBEDDED_DYNAMODB_PORT", "0");
        builder.environment().put("CRUDDUR_EMBEDDED_POSTGRES_PORT", "0");
        Process service = builder.start();
        try {
            Http http = new Http(URI.create("http://127.0.0.1:" + port));
            awaitHealthy(http, service, log);
            String token = http.devToken("andrewbrown");
            HttpResponse<String> sent = http.post("/api/messages", token, "{\"message\":\"hello\",\"handle\":\"londo\"}");
            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
            assertThat(http.get("/api/message_groups", token).body()).contains("\"handle\":\"bayko\"");
        } finally {
            service.destroy();
            if (!service.waitFor(30, TimeUnit.SECONDS)) {
                service.destroyForcibly().waitFor();
            }
        }

        try (Stream<Path> left = Files.list(workingDirectory)) {
            assertThat(left).as("files the service left in its working directory").isEmpty();
        }
    }

    private static void awaitHealthy(Http http, Process service, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            assertThat(service.isAlive()).as("the service exited:\n%s", Files.readString(log)).isTrue();
            try {
                if (http.get("/health", "none").statusCode() == 200) {
                    return;
                }
            } catch (RuntimeException notListeningYet) {
                // starting
            }
            assertThat(System.nanoTime()).as("healthy within 2 minutes; log:\n%s", Files.readString(log)).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
