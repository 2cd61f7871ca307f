package com.cruddur.messaging.app.bench;

import com.cruddur.messaging.adapter.dynamodb.DynamoDbClients;
import com.cruddur.messaging.adapter.dynamodb.DynamoDbSettings;
import com.cruddur.messaging.app.DemoUsers;
import com.cruddur.messaging.app.Http;
import com.cruddur.messaging.devengines.LocalDynamoDb;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.HdrHistogram.Histogram;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Benchmarks of the service as users run it (the jar, embedded default, DynamoDB store) against the
 * raw store calls it makes, in one run: throughput and latency per operation and concurrency, the
 * ratio service / raw, stream lag under load, capacity units per operation against the original's
 * access patterns, start-up time to the first 200 and resident memory after the load. Prints
 * Markdown tables. Needs the jar built and ports 4567, 8000 and 5433 free.
 *
 * <p>Measurements are of steady state: every operation first runs on both paths until the JIT compilers
 * of both processes go quiet (see {@link Comparisons}).
 * Settings: {@code -Dbench.seconds} per measurement (default 5), {@code -Dbench.warmup} seconds before
 * each (default 2), {@code -Dbench.jit-warmup} the most seconds to wait for the compilers (default 240),
 * {@code -Dbench.levels} (default 1,4,16), {@code -Dbench.operations} (a comma-separated
 * subset, e.g. {@code "list groups"}), {@code -Dbench.service-options} (JVM options for the service, e.g.
 * {@code -XX:StartFlightRecording=settings=profile,filename=/tmp/service.jfr} to profile it),
 * {@code -Dbench.only=capacity} (only the capacity table, on a DynamoDB Local of its own),
 * {@code -Dbench.only=events} (real-time delivery), {@code -Dbench.only=tracing} (what tracing costs),
 * {@code -Dbench.only=startup} (start-up by mode, with and without the class-data archive),
 * {@code -Dbench.only=overload} (16 to 2,000 connections: throughput held, the excess shed),
 * {@code -Dbench.only=ratelimit} (one user flooding sends at ten times the limit, another's latency),
 * {@code -Dbench.only=soak} (the fault soak: {@code -Dsoak.store}, {@code -Dsoak.seconds}, {@code -Dsoak.seed}),
 * {@code -Dbench.only=webtier} (the reads, service against bare store calls at 1, 4 and 16, and their ratios in one line),
 * {@code -Dbench.only=erase} (a user's data exported and erased per second on each store),
 * {@code -Dbench.only=image} (the production image in a 512 MiB container under load; needs Docker and the images).
 */
public final class Benchmark {
    private static final URI SERVICE = URI.create("http://127.0.0.1:4567");
    private static final URI DYNAMODB = URI.create("http://127.0.0.1:8000");
    private static final String JDBC = "jdbc:postgresql://127.0.0.1:5433/cruddur";
    private static final String CAPACITY_HEADING = "## Capacity units per operation (ReturnConsumedCapacity on DynamoDB Local),"
            + " ours vs the original's access patterns\n";

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        if ("capacity".equals(System.getProperty("bench.only"))) {
            capacityOnly();
        }
        if ("events".equals(System.getProperty("bench.only"))) {
            eventsOnly(Duration.ofSeconds(Integer.getInteger("bench.seconds", 5)));
        }
        if ("startup".equals(System.getProperty("bench.only"))) {
            System.out.println("## Start-up to the first 200 by mode (" + Runtime.getRuntime().availableProcessors() + " cores)\n");
            new StartUpTimes(jar()).print();
            System.exit(0);
        }
        if ("overload".equals(System.getProperty("bench.only"))) {
            overloadOnly(Duration.ofSeconds(Integer.getInteger("bench.seconds", 10)));
        }
        if ("ratelimit".equals(System.getProperty("bench.only"))) {
            rateLimitOnly(Duration.ofSeconds(Integer.getInteger("bench.seconds", 30)));
        }
        if ("soak".equals(System.getProperty("bench.only"))) {
            com.cruddur.messaging.app.soak.Soak.Result soak = com.cruddur.messaging.app.soak.Soak.run(
                    System.getProperty("soak.store", "dynamodb"), Duration.ofSeconds(Integer.getInteger("soak.seconds", 120)),
                    Long.getLong("soak.seed", 42), jar().toAbsolutePath());
            System.out.println(soak.report());
            System.out.println(soak.line());
            System.exit(soak.violations() == 0 ? 0 : 1);
        }
        if ("image".equals(System.getProperty("bench.only"))) {
            new ImageUnderLoad().print(Duration.ofSeconds(Integer.getInteger("bench.seconds", 60)));
            System.exit(0);
        }
        if ("erase".equals(System.getProperty("bench.only"))) {
            new ErasureRates(Integer.getInteger("bench.conversations", 10), Integer.getInteger("bench.each", 200)).print();
            System.exit(0);
        }
        if ("tracing".equals(System.getProperty("bench.only"))) {
            tracingOnly(Duration.ofSeconds(Integer.getInteger("bench.seconds", 5)));
        }
        Duration each = Duration.ofSeconds(Integer.getInteger("bench.seconds", 5));
        int[] levels = java.util.Arrays.stream(System.getProperty("bench.levels", "1,4,16").split(","))
                .mapToInt(Integer::parseInt).toArray();
        Path jar = jar();
        Path log = Files.createTempFile("bench-service", ".log");
        System.out.println("# Cruddur Messaging benchmark\n\nmachine: " + Runtime.getRuntime().availableProcessors()
                + " cores, JDK " + System.getProperty("java.version") + "; service log: " + log + "\n");

        boolean webtier = "webtier".equals(System.getProperty("bench.only"));
        // The web tier's mode measures the reads only; a subset of operations draws no pictures (it would replace
        // the full run's with part of it).
        String defaultOperations = webtier ? "list groups,list messages" : "list groups,list messages,send to group,send to handle";
        List<String> operations = List.of(System.getProperty("bench.operations", defaultOperations).split(","));
        Optional<String> pictures = System.getProperty("bench.operations") != null ? Optional.empty()
                : Optional.of(webtier ? "webtier-" : "");
        // A throwaway run: every benchmark starts from the demo data, and leaves no data directory behind.
        Map<String, String> serviceEnvironment = Map.of("JAVA_TOOL_OPTIONS", System.getProperty("bench.service-options", ""),
                "CRUDDUR_THROWAWAY", "true");
        try (ServiceProcess service = ServiceProcess.start(jar, serviceEnvironment, log);
             // A connection per load worker, and enough for the stream-lag probe and its background load.
             ServiceClient client = new ServiceClient(SERVICE, Math.max(16, maxLevel(levels)))) {
            System.out.printf(Locale.ROOT, "start-up to first 200 (process start to GET /health = 200, embedded engines included): %d ms%n%n",
                    service.startToFirst200().toMillis());
            Http http = new Http(SERVICE);
            String andrewToken = http.devToken("andrewbrown");
            String andrew = DemoUsers.ANDREW.id().toString();
            String group = Http.extract(http.get("/api/message_groups", andrewToken).body(), "\"uuid\":\"([^\"]+)\"");
            String londoGroup = Http.extract(http.post("/api/messages", andrewToken,
                    "{\"message\":\"hello londo\",\"handle\":\"londo\"}").body(), "\"message_group_uuid\":\"([^\"]+)\"");
            Comparisons comparisons = new Comparisons(new CpuMeter(service.handle()), each, pictures);

            try (RawCalls raw = new RawCalls(DYNAMODB, JDBC, maxLevel(levels))) {
                Map<String, Comparisons.Paths> paths = new LinkedHashMap<>();
                paths.put("list groups", new Comparisons.Paths(
                        w -> client.get("/api/message_groups", andrewToken),
                        w -> raw.listGroups(andrew)));
                paths.put("list messages", new Comparisons.Paths(
                        w -> client.get("/api/messages/" + group, andrewToken),
                        w -> raw.listMessages(group)));
                paths.put("send to group", new Comparisons.Paths(
                        w -> client.post("/api/messages", andrewToken, "{\"message\":\"benchmark message\",\"message_group_uuid\":\"" + group + "\"}"),
                        w -> raw.sendToGroup(andrew, group)));
                paths.put("send to handle", new Comparisons.Paths(
                        w -> client.post("/api/messages", andrewToken, "{\"message\":\"benchmark message\",\"handle\":\"londo\"}"),
                        w -> raw.sendToHandle(w, andrew, "londo", londoGroup)));
                paths.keySet().retainAll(operations);
                comparisons.run(paths, levels);
            }
            comparisons.print();
            // The web tier's mode ends here; the service is stopped as the block closes, before the exit.
            if (webtier) {
                System.out.println();
                System.out.println(comparisons.webtierLine());
            } else {
                System.out.println("\n## Stream lag under load (send to group at concurrency 4 in the background)\n");
                streamLag(client, andrewToken, group, each.multipliedBy(2));

                System.out.println("\n" + CAPACITY_HEADING);
                new CapacityCost(DYNAMODB).print();
                System.out.printf(Locale.ROOT, "%nresident memory of the service process after the load (embedded DynamoDB Local and PostgreSQL's JVM side included): %d MB%n",
                        service.residentKilobytes() / 1024);
            }
        }
        System.exit(0);
    }

    /** The capacity table alone, on a DynamoDB Local of its own (no service, no free port needed): under a minute. */
    private static void capacityOnly() {
        try (LocalDynamoDb dynamoDb = LocalDynamoDb.start()) {
            System.out.println(CAPACITY_HEADING);
            new CapacityCost(dynamoDb.endpoint()).print();
        }
        System.exit(0);
    }

    /**
     * Real-time delivery alone: the service as users start it, a second instance on its engines, and
     * {@link EventDelivery}'s tables. About two minutes after the install.
     */
    private static void eventsOnly(Duration each) throws Exception {
        Path jar = jar();
        Path log = Files.createTempFile("bench-service", ".log");
        Path secondLog = Files.createTempFile("bench-second-service", ".log");
        System.out.println("## Real-time delivery (" + Runtime.getRuntime().availableProcessors() + " cores; logs: " + log
                + ", " + secondLog + ")\n");
        try (ServiceProcess service = ServiceProcess.start(jar, Map.of("CRUDDUR_THROWAWAY", "true"), log);
             ServiceProcess second = EventDelivery.secondInstance(jar, secondLog)) {
            new EventDelivery(SERVICE, URI.create("http://127.0.0.1:4568"), service).print(each);
        }
        System.exit(0);
    }

    /** Overload alone: {@link Overload}'s table on the embedded default (a throwaway run), about three minutes. */
    private static void overloadOnly(Duration each) throws Exception {
        Path log = Files.createTempFile("bench-service", ".log");
        System.out.println("## Overload (" + Runtime.getRuntime().availableProcessors() + " cores; service log: " + log + ")\n");
        try (ServiceProcess service = ServiceProcess.start(jar(), Map.of("CRUDDUR_THROWAWAY", "true",
                "JAVA_TOOL_OPTIONS", System.getProperty("bench.service-options", "")), log)) {
            new Overload(SERVICE, service, each).print();
        }
        System.exit(0);
    }

    /**
     * Rate limits alone: {@link RateLimiting}'s table on the embedded default (a throwaway run) with the send
     * limit at its default, set through the environment as an operator would; about three minutes.
     */
    private static void rateLimitOnly(Duration each) throws Exception {
        Path log = Files.createTempFile("bench-service", ".log");
        System.out.println("## Rate limits (" + Runtime.getRuntime().availableProcessors() + " cores; service log: " + log + ")\n");
        try (ServiceProcess service = ServiceProcess.start(jar(), Map.of("CRUDDUR_THROWAWAY", "true",
                "CRUDDUR_RATE_LIMITS_SENDS_PER_SECOND", String.valueOf(RateLimiting.LIMIT_PER_SECOND),
                "CRUDDUR_RATE_LIMITS_SENDS_BURST", String.valueOf(RateLimiting.BURST)), log)) {
            new RateLimiting(SERVICE, each).print();
        }
        System.exit(0);
    }

    /** Tracing's cost alone: {@link TracingOverhead}'s table, about four minutes after the install. */
    private static void tracingOnly(Duration each) throws Exception {
        System.out.println("## Tracing overhead (" + Runtime.getRuntime().availableProcessors() + " cores)\n");
        new TracingOverhead(jar(), each).print();
        System.exit(0);
    }

    private static Path jar() {
        return Files.exists(Path.of("app/target/cruddur-messaging.jar")) ? Path.of("app/target/cruddur-messaging.jar")
                : Path.of("target/cruddur-messaging.jar");
    }

    /** Sends one message at a time through the service and waits until both summaries show it, with load around it. */
    private static void streamLag(ServiceClient client, String token, String group, Duration duration) throws Exception {
        DynamoDbClient dynamoDb = DynamoDbClients.dynamoDb(DynamoDbSettings.local(DYNAMODB));
        AtomicBoolean loading = new AtomicBoolean(true);
        Thread background = new Thread(() -> {
            try {
                while (loading.get()) {
                    Load.run("background", 4, Duration.ofSeconds(1), Long.MAX_VALUE,
                            w -> client.post("/api/messages", token, "{\"message\":\"background\",\"message_group_uuid\":\"" + group + "\"}"));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        background.start();
        Histogram lags = new Histogram(3);
        long deadline = System.nanoTime() + duration.toNanos();
        int timeouts = 0;
        while (System.nanoTime() < deadline) {
            long sent = System.nanoTime();
            String sentBody = client.sendJson("/api/messages", token,
                    "{\"message\":\"lag probe\",\"message_group_uuid\":\"" + group + "\"}").orElseThrow();
            String createdAt = Http.extract(sentBody, "\"created_at\":\"([^\"]+)\"");
            boolean moved = false;
            while (!moved && System.nanoTime() - sent < Duration.ofSeconds(10).toNanos()) {
                List<Map<String, AttributeValue>> rows = dynamoDb.query(q -> q.tableName(DynamoDbSettings.DEFAULT_TABLE)
                        .indexName("message-group-sk-index").keyConditionExpression("message_group_uuid = :g")
                        .expressionAttributeValues(Map.of(":g", AttributeValue.fromS(group)))).items();
                moved = rows.stream().filter(row -> row.get("pk").s().startsWith("GRP#")).count() >= 2
                        && rows.stream().allMatch(row -> row.get("sk").s().compareTo(createdAt) >= 0);
                if (!moved) {
                    Thread.sleep(2);
                }
            }
            if (moved) {
                lags.recordValue((System.nanoTime() - sent) / 1_000);
            } else {
                timeouts++;
            }
            Thread.sleep(20);
        }
        loading.set(false);
        background.join();
        System.out.println("| samples | p50 ms | p99 ms | max ms | not moved within 10 s |");
        System.out.println("|---|---|---|---|---|");
        System.out.printf(Locale.ROOT, "| %d | %.1f | %.1f | %.1f | %d |%n", lags.getTotalCount(),
                lags.getValueAtPercentile(50) / 1_000.0, lags.getValueAtPercentile(99) / 1_000.0,
                lags.getMaxValue() / 1_000.0, timeouts);
    }

    private static int maxLevel(int[] levels) {
        return java.util.Arrays.stream(levels).max().orElse(1);
    }
}
