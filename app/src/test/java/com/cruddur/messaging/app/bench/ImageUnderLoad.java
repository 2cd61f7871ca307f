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
 * with the container's peak RSS, whether it was killed, and every request's answer. The engines are the
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

    void print(Duration duration) throws Exception {
        docker("network", "create", run);
        try {
            String gateway = docker("network", "inspect", "-f", "{{(index .IPAM.Config 0).Gateway}}", run).strip();
            container(dynamoDbImage, "dynamodb-local", List.of(), "-jar", "DynamoDBLocal.jar", "-inMemory", "-sharedDb",
                    "-disableTelemetry");
            container(postgresImage, "db", List.of("-e", "POSTGRES_PASSWORD=password", "-e", "POSTGRES_DB=cruddur"));
            long started = System.nanoTime();
            String service = container(image, "service", serviceOptions(gateway));
            URI base = URI.create("http://" + docker("port", service, "4567/tcp").strip().lines().findFirst().orElseThrow());
            Duration toFirst200 = awaitHealthy(base, service, started);
            Http http = new Http(base);
            String token = http.devToken("andrewbrown");
            String group = Http.extract(http.post("/api/messages", token, "{\"message\":\"warm\",\"handle\":\"bayko\"}").body(),
                    "\"message_group_uuid\":\"([^\"]+)\"");
            AtomicLong sends = new AtomicLong();
            Load.Result result;
            try (ServiceClient client = new ServiceClient(base, CONCURRENCY)) {
                result = Load.run("send and list", CONCURRENCY, duration, Long.MAX_VALUE, worker ->
                        sends.incrementAndGet() % 2 == 0
                                ? client.post("/api/messages", token, "{\"message\":\"load " + worker + "\",\"message_group_uuid\":\""
                                        + group + "\"}")
                                : client.get("/api/messages/" + group, token));
            }
            String state = docker("inspect", "-f", "{{.State.Running}} {{.State.OOMKilled}} {{.RestartCount}}", service).strip();
            String rss = docker("exec", service, "bash", "-c", "grep -E 'VmRSS|VmHWM' /proc/1/status").replaceAll("\\s+", " ").strip();
            long imageBytes = Long.parseLong(docker("image", "inspect", "-f", "{{.Size}}", image).strip());
            System.out.printf(Locale.ROOT, "## The production image under load (--memory %s, concurrency %d, %d s)%n%n", memory, CONCURRENCY,
                    duration.toSeconds());
            System.out.println("| image | size | run to first 200 | requests | errors | req/s | p50 ms | p99 ms | java RSS (peak) | running, OOM-killed, restarts |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|");
            System.out.printf(Locale.ROOT, "| %s | %d MB | %.1f s | %d | %d | %.0f | %.1f | %.1f | %s | %s |%n", image, imageBytes / 1_000_000,
                    toFirst200.toMillis() / 1000.0, result.requests(), result.errors(), result.perSecond(), result.p50Millis(),
                    result.p99Millis(), rss, state);
            System.out.println("\n[image] " + image + " memory=" + memory + " requests=" + result.requests() + " errors=" + result.errors()
                    + " state=" + state);
        } finally {
            for (String container : containers) {
                docker("rm", "-f", "-v", container);
            }
            docker("network", "rm", run);
        }
    }

    private List<String> serviceOptions(String gateway) {
        List<String> options = new ArrayList<>(List.of("--memory", memory, "--memory-swap", memory, "-p", "127.0.0.1::4567"));
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
