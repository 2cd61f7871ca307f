package com.cruddur.messaging.app.bench;

import com.cruddur.messaging.app.Http;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The production image in a container limited like Fargate's smallest task ({@code --memory 512m}, no swap):
 * image size, {@code docker run} to the first 200, then sends and lists at concurrency 16 for the given time,
 * with the container's peak RSS, whether it was killed, and every request's answer. The start is timed from
 * {@code docker run} with the engines already listening. The engines are the
 * stand-in containers; all three run in a network this run creates and removes; the service's port is
 * published on 127.0.0.1 only. The image runs in dev mode (dev tokens; production's Cognito tokens cannot
 * be minted here) with the same JVM settings as production; rate limits lifted as in every benchmark.
 * Needs a Docker engine and the images of containers/build-images.sh.
 */
final class ImageUnderLoad {
    private static final int CONCURRENCY = 16;

    private final String image = System.getProperty("bench.image", "cruddur-messaging:latest");
    private final String dynamoDbImage = System.getProperty("bench.dynamodb-image", "cruddur-dynamodb-local:2.6.1");
    private final String postgresImage = System.getProperty("bench.postgres-image", "cruddur-postgres:17");
    private final String memory = System.getProperty("bench.memory", "512m");
    private final String run = "cruddur-bench-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<String> containers = new ArrayList<>();

    private record Row(String memory, Duration toFirst200, Load.Result load, String rss, String state) {
    }

    void print(Duration duration) throws Exception {
        docker("network", "create", run);
        try {
            String gateway = docker("network", "inspect", "-f", "{{(index .IPAM.Config 0).Gateway}}", run).strip();
            String dynamoDb = container(dynamoDbImage, "dynamodb-local", List.of(), "-jar", "DynamoDBLocal.jar", "-inMemory",
                    "-sharedDb", "-disableTelemetry");
            String postgres = container(postgresImage, "db", List.of("-e", "POSTGRES_PASSWORD=password", "-e", "POSTGRES_DB=cruddur"));
            // The service's start is timed from engines that already listen, as in production.
            awaitListening(dynamoDb, 8000);
            awaitListening(postgres, 5432);
            // The engines in their containers warm up (JIT, SQLite's pages) under a first, unreported run.
            measure(gateway, List.of(), "warm-up", Duration.ofSeconds(20));
            // The baseline: the same image, engines and load without a memory limit, in the same run.
            Row unlimited = measure(gateway, List.of(), "no limit", duration);
            Row limited = measure(gateway, List.of("--memory", memory, "--memory-swap", memory), memory, duration);
            long imageBytes = Long.parseLong(docker("image", "inspect", "-f", "{{.Size}}", image).strip());
            System.out.printf(Locale.ROOT, "## The production image under load (%s, %d MB; sends and lists at concurrency %d, %d s each)%n%n",
                    image, imageBytes / 1_000_000, CONCURRENCY, duration.toSeconds());
            System.out.println("| memory | run to first 200 | requests | errors | req/s | p50 ms | p99 ms | java peak RSS | running, OOM-killed, restarts |");
            System.out.println("|---|---|---|---|---|---|---|---|---|");
            for (Row row : List.of(unlimited, limited)) {
                System.out.printf(Locale.ROOT, "| %s | %.1f s | %d | %d | %.0f | %.1f | %.1f | %s | %s |%n", row.memory(),
                        row.toFirst200().toMillis() / 1000.0, row.load().requests(), row.load().errors(), row.load().perSecond(),
                        row.load().p50Millis(), row.load().p99Millis(), row.rss(), row.state());
            }
            System.out.printf(Locale.ROOT, "%n[image] %s memory=%s requests=%d errors=%d state=%s; req/s %.2f of the unlimited run's%n",
                    image, memory, limited.load().requests(), limited.load().errors(), limited.state(),
                    limited.load().perSecond() / unlimited.load().perSecond());
        } finally {
            for (String container : containers) {
                docker("rm", "-f", "-v", container);
            }
            docker("network", "rm", run);
        }
    }

    private Row measure(String gateway, List<String> limits, String memoryName, Duration duration) throws Exception {
        long started = System.nanoTime();
        String service = container(image, "service-" + containers.size(), serviceOptions(gateway, limits));
        URI base = URI.create("http://" + docker("port", service, "4567/tcp").strip().lines().findFirst().orElseThrow());
        Duration toFirst200 = awaitHealthy(base, service, started);
        Http http = new Http(base);
        String token = http.devToken("andrewbrown");
        String group = Http.extract(http.post("/api/messages", token, "{\"message\":\"warm\",\"handle\":\"bayko\"}").body(),
                "\"message_group_uuid\":\"([^\"]+)\"");
        AtomicLong calls = new AtomicLong();
        Load.Result result;
        try (ServiceClient client = new ServiceClient(base, CONCURRENCY)) {
            result = Load.run("send and list", CONCURRENCY, duration, Long.MAX_VALUE, worker ->
                    calls.incrementAndGet() % 2 == 0
                            ? client.post("/api/messages", token, "{\"message\":\"load " + worker + "\",\"message_group_uuid\":\""
                                    + group + "\"}")
                            : client.get("/api/messages/" + group, token));
        }
        String state = docker("inspect", "-f", "{{.State.Running}} {{.State.OOMKilled}} {{.RestartCount}}", service).strip();
        // The JVM is the container's process 1: its peak resident set (VmHWM) over the whole run.
        String rss = Long.parseLong(docker("exec", service, "bash", "-c", "awk '/VmHWM/ {print $2}' /proc/1/status").strip()) / 1024
                + " MiB";
        docker("rm", "-f", "-v", service);
        containers.remove(service);
        return new Row(memoryName, toFirst200, result, rss, state);
    }

    private List<String> serviceOptions(String gateway, List<String> limits) {
        List<String> options = new ArrayList<>(limits);
        options.addAll(List.of("-p", "127.0.0.1::4567"));
        Map<String, String> environment = new LinkedHashMap<>(Map.of(
                "MICRONAUT_ENVIRONMENTS", "dev",
                "CRUDDUR_EMBEDDED", "false",
                "MICRONAUT_SERVER_HOST", "0.0.0.0",
                "AWS_SERVICES_DYNAMODB_ENDPOINT_OVERRIDE", "http://dynamodb-local:8000",
                "DATASOURCES_DEFAULT_URL", "jdbc:postgresql://db:5432/cruddur",
                "DATASOURCES_DEFAULT_PASSWORD", "password",
                "CRUDDUR_DEV_TOKENS_CALLERS", gateway));
        environment.putAll(ServiceProcess.LIMITS_LIFTED);
        environment.forEach((name, value) -> options.addAll(List.of("-e", name + "=" + value)));
        return options;
    }

    private String container(String containerImage, String alias, List<String> options, String... command)
            throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of("run", "-d", "--name", run + "-" + alias, "--network", run,
                "--network-alias", alias));
        arguments.addAll(options);
        arguments.add(containerImage);
        arguments.addAll(List.of(command));
        String id = docker(arguments.toArray(String[]::new)).strip();
        containers.add(id);
        return id;
    }

    private static void awaitListening(String container, int port) throws IOException, InterruptedException {
        for (int attempt = 0; attempt < 600; attempt++) {
            Process probe = new ProcessBuilder("docker", "exec", container, "bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/" + port)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (probe.waitFor() == 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(container + " does not listen on " + port + " within 60 s");
    }

    private static Duration awaitHealthy(URI base, String service, long started) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(base.resolve("/health")).timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() - started < TimeUnit.SECONDS.toNanos(120)) {
            try {
                if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - started);
                }
            } catch (IOException notYet) {
                // the container's port answers once the service listens
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the service container did not answer within 120 s:\n" + docker("logs", "--tail", "50", service));
    }

    private static String docker(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }
}
