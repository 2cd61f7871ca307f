package com.cruddur.messaging.app.bench;

import com.cruddur.messaging.app.Http;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * Start-up by mode (issue 22): process start ({@code java -jar}) to the first 200 of {@code GET /health},
 * three runs each, median, for (a) production against engines already running, (b) the embedded default
 * on an existing data directory, (c) on a fresh one, (d) the embedded default restarted after {@code kill -9}
 * while a second instance on its engines stays connected and a client keeps sending through it (issue 32);
 * each without and with the jar's class-data archive (the README's start command), runs of the two alternating.
 */
final class StartUpTimes {
    private static final int RUNS = 3;
    private static final int[] SERVICE_PORT = {4567};

    private final Path jar;
    private final Path archive;

    StartUpTimes(Path jar) {
        this.jar = jar;
        this.archive = jar.resolveSibling("cruddur-messaging.jsa");
    }

    void print() throws Exception {
        if (!Files.exists(archive)) {
            throw new IllegalStateException("no " + archive + ": build with -DskipTests, which makes it");
        }
        Path data = Files.createTempDirectory("bench-startup");
        Map<String, List<Long>> times = new java.util.LinkedHashMap<>();
        for (int run = 0; run < RUNS; run++) {
            for (boolean shared : new boolean[] {false, true}) {
                Path fresh = data.resolve("fresh-" + run + "-" + shared);
                times.computeIfAbsent(key("(c) embedded default, fresh data directory", shared), k -> new ArrayList<>())
                        .add(startAndStop(embedded(fresh, shared), 4567));
                times.computeIfAbsent(key("(b) embedded default, existing data directory", shared), k -> new ArrayList<>())
                        .add(startAndStop(embedded(fresh, shared), 4567));
                times.computeIfAbsent(key("(d) embedded default after kill -9, another instance connected and sending",
                        shared), k -> new ArrayList<>()).add(restartAfterKill(fresh, shared));
            }
        }
        // (a): engines of an embedded default on the usual ports (its HTTP on 4568), production on 4567.
        Map<String, String> engines = embedded(data.resolve("engines"), true);
        engines.put("MICRONAUT_SERVER_PORT", "4568");
        try (ServiceProcess running = ServiceProcess.start(jar, engines, Files.createTempFile("bench-engines", ".log"), 4568,
                new int[] {4568, 8000, 5433})) {
            for (int run = 0; run < RUNS; run++) {
                for (boolean shared : new boolean[] {false, true}) {
                    times.computeIfAbsent(key("(a) production, engines already running", shared), k -> new ArrayList<>())
                            .add(startAndStop(production(shared), 4567));
                }
            }
        }

        System.out.println("| mode | class-data archive | runs (ms) | median |");
        System.out.println("|---|---|---|---|");
        times.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            List<Long> runs = entry.getValue();
            List<Long> sorted = runs.stream().sorted().toList();
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %.1f s |%n", entry.getKey().split("\\|")[0],
                    entry.getKey().split("\\|")[1], runs.stream().map(ms -> String.format(Locale.ROOT, "%,d", ms))
                            .collect(Collectors.joining(" / ")), sorted.get(sorted.size() / 2) / 1000.0);
        });
    }

    private static String key(String mode, boolean shared) {
        return mode + "|" + (shared ? "yes" : "no");
    }

    private Map<String, String> embedded(Path dataDirectory, boolean shared) {
        Map<String, String> environment = new HashMap<>(Map.of("CRUDDUR_DATA_DIR", dataDirectory.toString()));
        environment.put("JAVA_TOOL_OPTIONS", shared ? "-XX:SharedArchiveFile=" + archive : "");
        return environment;
    }

    /** Production settings pointing at the running embedded engines; the Cognito pool is never asked at start-up. */
    private Map<String, String> production(boolean shared) {
        Map<String, String> environment = new HashMap<>(Map.of("MICRONAUT_ENVIRONMENTS", "prod",
                "AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "local", "AWS_SECRET_ACCESS_KEY", "local",
                "AWS_SERVICES_DYNAMODB_ENDPOINT_OVERRIDE", "http://127.0.0.1:8000",
                "CRUDDUR_FRONTEND_ORIGIN", "http://localhost:3000", "CRUDDUR_COGNITO_REGION", "us-east-1",
                "CRUDDUR_COGNITO_USER_POOL_ID", "us-east-1_bench", "CRUDDUR_COGNITO_CLIENT_ID", "bench"));
        environment.putAll(Map.of("CRUDDUR_JDBC_URL", "jdbc:postgresql://127.0.0.1:5433/cruddur",
                "CRUDDUR_JDBC_USER", "postgres", "CRUDDUR_JDBC_PASSWORD", "unused",
                "JAVA_TOOL_OPTIONS", shared ? "-XX:SharedArchiveFile=" + archive : ""));
        return environment;
    }

    /**
     * The default on the data directory with a second instance ({@code CRUDDUR_EMBEDDED=false}, port 4568) on
     * its engines and a client sending through that one every 50 ms; the default is killed with SIGKILL (its
     * PostgreSQL outlives it, the second instance's pool and event listener connected to it) and started again.
     */
    private long restartAfterKill(Path dataDirectory, boolean shared) throws Exception {
        Map<String, String> other = embedded(dataDirectory, shared);
        other.put("CRUDDUR_EMBEDDED", "false");
        other.put("MICRONAUT_SERVER_PORT", "4568");
        ServiceProcess first = ServiceProcess.start(jar, embedded(dataDirectory, shared),
                Files.createTempFile("bench-killed", ".log"));
        AtomicBoolean sending = new AtomicBoolean(true);
        try (ServiceProcess second = ServiceProcess.start(jar, other, Files.createTempFile("bench-other", ".log"), 4568,
                new int[] {4568})) {
            Http http = new Http(URI.create("http://127.0.0.1:4567"));
            String token = http.devToken("andrewbrown");
            String group = Http.extract(http.get("/api/message_groups", token).body(), "\"uuid\":\"([^\"]+)\"");
            Thread client = new Thread(() -> sendThrough(new Http(URI.create("http://127.0.0.1:4568")), token, group, sending));
            client.start();
            Thread.sleep(3_000);
            first.handle().destroyForcibly();
            first.handle().onExit().join();
            try {
                return startAndStop(embedded(dataDirectory, shared), 4567);
            } finally {
                sending.set(false);
                client.join();
            }
        } finally {
            first.close();
        }
    }

    private static void sendThrough(Http http, String token, String group, AtomicBoolean sending) {
        for (int i = 0; sending.get(); i++) {
            boolean sent;
            try {
                sent = http.post("/api/messages", token, "{\"message\":\"bench " + i + "\",\"message_group_uuid\":\""
                        + group + "\"}").statusCode() == 200;
            } catch (RuntimeException unreachable) {
                sent = false;
            }
            try {
                Thread.sleep(sent ? 50 : 100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private long startAndStop(Map<String, String> environment, int port) throws IOException, InterruptedException {
        Path log = Files.createTempFile("bench-startup", ".log");
        try (ServiceProcess service = ServiceProcess.start(jar, environment, log, port, SERVICE_PORT)) {
            return service.startToFirst200().toMillis();
        }
    }
}
