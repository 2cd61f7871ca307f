package com.cruddur.messaging.app.build;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes the jar's class-data sharing archive (AppCDS), which the README's start command gives the JVM:
 * start-up is mostly loading and verifying classes, and the archive holds them ready. A training run
 * records what a start and a first conversation load: the jar as users start it (a throwaway run on free
 * ports, 127.0.0.1 only), a dev token, a list, a send by handle and a read; then a normal stop, at which the
 * JVM writes the archive. Run by the build ({@code -DskipTests package}, the start command's build); a run
 * that fails leaves no archive and says why, and the service then starts without one (the JVM says so).
 *
 * <p>Arguments: the jar, the archive to write.
 */
public final class ClassDataTraining {
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    private ClassDataTraining() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        Path archive = Path.of(args[1]);
        Files.deleteIfExists(archive);
        Path log = Files.createTempFile("cruddur-cds-training", ".log");
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:ArchiveClassesAtExit=" + archive, "-jar", jar.toString(), "--throwaway");
        builder.environment().put("MICRONAUT_SERVER_PORT", String.valueOf(port));
        builder.environment().put("CRUDDUR_EMBEDDED_DYNAMODB_PORT", String.valueOf(freePort()));
        builder.environment().put("CRUDDUR_EMBEDDED_POSTGRES_PORT", String.valueOf(freePort()));
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        long started = System.nanoTime();
        Process service = builder.start();
        try {
            converse(URI.create("http://127.0.0.1:" + port), service);
        } catch (IOException | RuntimeException failed) {
            service.destroyForcibly();
            System.err.println("[cds] no class-data archive: the training run failed (" + failed.getMessage() + "); see " + log);
            return;
        }
        service.destroy();
        if (!service.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
            service.destroyForcibly();
        }
        if (Files.exists(archive)) {
            System.out.printf("[cds] %s: %d MB, from a %d s training run%n", archive, Files.size(archive) >> 20,
                    Duration.ofNanos(System.nanoTime() - started).toSeconds());
        } else {
            System.err.println("[cds] no class-data archive was written; see " + log);
        }
    }

    private static void converse(URI base, Process service) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (status(http, HttpRequest.newBuilder(base.resolve("/health")).build()) != 200) {
            if (!service.isAlive() || System.nanoTime() > deadline) {
                throw new IOException("the service did not start");
            }
            Thread.sleep(50);
        }
        String token = extract(body(http, HttpRequest.newBuilder(base.resolve("/dev/tokens/andrewbrown"))
                .POST(HttpRequest.BodyPublishers.noBody()).build()), "\"access_token\":\"([^\"]+)\"");
        String groups = body(http, authorized(base, "/api/message_groups", token).GET().build());
        String group = extract(groups, "\"uuid\":\"([^\"]+)\"");
        for (String json : List.of("{\"message\":\"hello\",\"handle\":\"londo\"}",
                "{\"message\":\"again\",\"message_group_uuid\":\"" + group + "\",\"client_message_id\":\"training-1\"}")) {
            body(http, authorized(base, "/api/messages", token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build());
        }
        body(http, authorized(base, "/api/messages/" + group, token).GET().build());
        body(http, authorized(base, "/api/message_groups/" + group + "/read", token).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private static HttpRequest.Builder authorized(URI base, String path, String token) {
        return HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token);
    }

    private static int status(HttpClient http, HttpRequest request) throws InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException notYet) {
            return -1;
        }
    }

    private static String body(HttpClient http, HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IOException(request.method() + " " + request.uri().getPath() + " answered " + response.statusCode());
        }
        return response.body();
    }

    private static String extract(String body, String pattern) throws IOException {
        Matcher matcher = Pattern.compile(pattern).matcher(body);
        if (!matcher.find()) {
            throw new IOException("unexpected answer: " + body);
        }
        return matcher.group(1);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
