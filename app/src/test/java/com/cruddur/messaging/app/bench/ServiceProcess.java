package com.cruddur.messaging.app.bench;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** The service as users run it: {@code java -jar app/target/cruddur-messaging.jar}, a separate process on 127.0.0.1. */
public final class ServiceProcess implements AutoCloseable {
    /**
     * A benchmark's load is one user sending hundreds of requests a second, which the per-user limits exist to
     * stop: lifted, unless the benchmark's own environment sets them.
     */
    public static final Map<String, String> LIMITS_LIFTED = Map.ofEntries(
            Map.entry("CRUDDUR_RATE_LIMITS_SENDS_PER_SECOND", "1000000"),
            Map.entry("CRUDDUR_RATE_LIMITS_SENDS_BURST", "1000000"),
            Map.entry("CRUDDUR_RATE_LIMITS_MARK_READ_PER_SECOND", "1000000"),
            Map.entry("CRUDDUR_RATE_LIMITS_MARK_READ_BURST", "1000000"),
            Map.entry("CRUDDUR_RATE_LIMITS_TICKETS_PER_SECOND", "1000000"),
            Map.entry("CRUDDUR_RATE_LIMITS_TICKETS_BURST", "1000000"),
            Map.entry("CRUDDUR_RATE_LIMITS_TYPING_PER_SECOND", "1000000"),
            Map.entry("CRUDDUR_RATE_LIMITS_TYPING_BURST", "1000000"),
            Map.entry("CRUDDUR_RATE_LIMITS_PROFILE_LOOKUPS_PER_SECOND", "1000000"),
            Map.entry("CRUDDUR_RATE_LIMITS_PROFILE_LOOKUPS_BURST", "1000000"),
            Map.entry("CRUDDUR_EVENTS_MAX_STREAMS_PER_USER", "1000000"));
    private final Process process;
    private final Duration startToFirst200;

    private ServiceProcess(Process process, Duration startToFirst200) {
        this.process = process;
        this.startToFirst200 = startToFirst200;
    }

    /** Starts the jar and waits for its first 200; refuses when something already listens on a port it needs. */
    static ServiceProcess start(Path jar, Map<String, String> environment, Path log) throws IOException, InterruptedException {
        return start(jar, environment, log, 4567, new int[] {4567, 8000, 5433});
    }

    /** Another instance on {@code port}, for instance on the engines of the first (which it does not start). */
    public static ServiceProcess start(Path jar, Map<String, String> environment, Path log, int port, int[] mustBeFree)
            throws IOException, InterruptedException {
        for (int needed : mustBeFree) {
            try (Socket taken = new Socket("127.0.0.1", needed)) {
                throw new IllegalStateException("port " + needed + " is already in use; stop what listens there first"
                        + " (an earlier run's service: pkill -f cruddur-messaging.jar)");
            } catch (ConnectException free) {
                // as it should be
            }
        }
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString());
        builder.environment().putAll(LIMITS_LIFTED);
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        long started = System.nanoTime();
        Process process = builder.start();
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited; see " + log + ":\n" + Files.readString(log));
            }
            try {
                if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    break;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() - started > Duration.ofMinutes(2).toNanos()) {
                process.destroyForcibly();
                throw new IllegalStateException("the service did not answer within 2 minutes");
            }
            Thread.sleep(10);
        }
        return new ServiceProcess(process, Duration.ofNanos(System.nanoTime() - started));
    }

    Duration startToFirst200() {
        return startToFirst200;
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    /** Resident memory of the service process (its embedded engines included), from /proc. */
    long residentKilobytes() throws IOException {
        return status("VmRSS:");
    }

    /** The service process's threads (DynamoDB Local's included), from /proc. */
    long threads() throws IOException {
        return status("Threads:");
    }

    private long status(String field) throws IOException {
        return Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status")).stream()
                .filter(line -> line.startsWith(field))
                .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                .findFirst().orElse(-1L);
    }

    /** A normal stop (SIGTERM), waiting at most {@code within} for the process to exit; whether it did. */
    public boolean stop(Duration within) throws InterruptedException {
        process.destroy();
        return process.waitFor(within.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (!stop(Duration.ofSeconds(30))) {
            process.destroyForcibly();
        }
    }
}
