package com.cruddur.messaging.app.bench;

import com.cruddur.messaging.adapter.http.SseConnection;
import com.cruddur.messaging.app.Http;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * Real-time delivery (README, REST API: GET /api/events): from sending {@code POST /api/messages} to the {@code message} event
 * arriving at a member's open stream, with 1,000 streams open on the receiving instance, when sent
 * through the same instance and through a second one (the fan-out then goes through PostgreSQL
 * LISTEN/NOTIFY); the memory each open stream costs; and the send throughput with those streams open
 * against none, in the same run. The 1,000 streams are other users' (a user who is in no conversation
 * of the sender), so each event is checked against every stream, as with 1,000 people online.
 */
final class EventDelivery {
    static final int STREAMS = Integer.getInteger("bench.streams", 1000);
    private static final int SAMPLES = 300;

    private final URI first;
    private final URI second;
    private final ServiceProcess firstProcess;

    EventDelivery(URI first, URI second, ServiceProcess firstProcess) {
        this.first = first;
        this.second = second;
        this.firstProcess = firstProcess;
    }

    void print(Duration each) throws Exception {
        Http http = new Http(first);
        String andrew = http.devToken("andrewbrown");
        String bayko = http.devToken("bayko");
        String londo = http.devToken("londo");
        String group = Http.extract(http.post("/api/messages", andrew, "{\"message\":\"hello bayko\",\"handle\":\"bayko\"}").body(),
                "\"message_group_uuid\":\"([^\"]+)\"");

        List<Load.Result> without = new ArrayList<>();
        List<Load.Result> with = new ArrayList<>();
        try (ServiceClient client = new ServiceClient(first, 4)) {
            // Until the JIT compilers have done the send path, as in the throughput benchmark.
            send(client, andrew, group, each.multipliedBy(4));
            Histogram sameInstance = null;
            Histogram acrossInstances = null;
            long perStream = 0;
            // Twice, in both orders, as the machine's noise is of the size of the difference.
            for (int round = 0; round < 2; round++) {
                if (round == 0) {
                    without.add(send(client, andrew, group, each));
                }
                long residentBefore = firstProcess.residentKilobytes();
                List<SseConnection> idle = new ArrayList<>();
                try (SseConnection probe = open(first, bayko)) {
                    for (int i = 0; i < STREAMS - 1; i++) {
                        idle.add(open(first, londo));
                    }
                    if (round == 0) {
                        Thread.sleep(2000);
                        perStream = (firstProcess.residentKilobytes() - residentBefore) * 1024 / STREAMS;
                        sameInstance = latencies(first, andrew, group, probe);
                        acrossInstances = latencies(second, andrew, group, probe);
                    }
                    with.add(send(client, andrew, group, each));
                } finally {
                    idle.forEach(SseConnection::close);
                }
                if (round == 1) {
                    without.add(send(client, andrew, group, each));
                }
            }
            System.out.printf(Locale.ROOT, "%d streams open on the receiving instance; %d samples each, one message at a time.%n%n",
                    STREAMS, SAMPLES);
            System.out.println("| delivery: POST sent → event at the member's stream | p50 ms | p99 ms | max ms | target p99 |");
            System.out.println("|---|---|---|---|---|");
            row("sent through the same instance", sameInstance, "< 100 ms");
            row("sent through another instance (PostgreSQL LISTEN/NOTIFY)", acrossInstances, "< 1 s");
            System.out.printf(Locale.ROOT, "%n| send to group, concurrency 4, %d s each | req/s, round 1 | req/s, round 2 |%n|---|---|---|%n",
                    each.toSeconds());
            System.out.printf(Locale.ROOT, "| no stream open | %.0f | %.0f |%n", without.get(0).perSecond(), without.get(1).perSecond());
            System.out.printf(Locale.ROOT, "| %d streams open | %.0f | %.0f |%n", STREAMS, with.get(0).perSecond(), with.get(1).perSecond());
            System.out.printf(Locale.ROOT, "%nwith / without: %.2f (target ≥ 0.8); resident memory per open stream: %.1f KB "
                    + "(the service process's RSS with %d streams open minus before, divided by %d)%n",
                    mean(with) / mean(without), perStream / 1024.0, STREAMS, STREAMS);
        }
    }

    private static double mean(List<Load.Result> results) {
        return results.stream().mapToDouble(Load.Result::perSecond).average().orElseThrow();
    }

    private static Load.Result send(ServiceClient client, String token, String group, Duration each) throws InterruptedException {
        return Load.run("send to group", 4, each, Long.MAX_VALUE, w -> client.post("/api/messages", token,
                "{\"message\":\"benchmark message\",\"message_group_uuid\":\"" + group + "\"}"));
    }

    /** One message at a time, sent through {@code via}; the time from sending the POST to the event's arrival. */
    private static Histogram latencies(URI via, String token, String group, SseConnection probe) throws IOException,
            InterruptedException {
        Histogram latencies = new Histogram(3);
        try (ServiceClient client = new ServiceClient(via, 1)) {
            for (int i = 0; i < SAMPLES; i++) {
                String tag = "delivery probe " + System.nanoTime();
                long posted = System.nanoTime();
                Optional<String> sent = client.sendJson("/api/messages", token,
                        "{\"message\":\"" + tag + "\",\"message_group_uuid\":\"" + group + "\"}");
                if (sent.isEmpty() || !probe.await(events -> arrived(events, tag).isPresent(), Duration.ofSeconds(5))) {
                    throw new IllegalStateException("the event of " + tag + " did not arrive within 5 s");
                }
                long arrivedAt = arrived(probe.events(), tag).orElseThrow();
                latencies.recordValue(Math.max(1, (arrivedAt - posted) / 1_000));
                Thread.sleep(10);
            }
        }
        return latencies;
    }

    private static Optional<Long> arrived(List<SseConnection.SseEvent> events, String tag) {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).data().contains(tag)) {
                return Optional.of(events.get(i).arrivedNanos());
            }
        }
        return Optional.empty();
    }

    private static SseConnection open(URI base, String token) {
        SseConnection connection = SseConnection.open(base, "/api/events", Map.of("Authorization", "Bearer " + token));
        if (connection.status() != 200) {
            throw new IllegalStateException("GET /api/events answered " + connection.status());
        }
        return connection;
    }

    private static void row(String name, Histogram latencies, String target) {
        System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %s |%n", name, latencies.getValueAtPercentile(50) / 1_000.0,
                latencies.getValueAtPercentile(99) / 1_000.0, latencies.getMaxValue() / 1_000.0, target);
    }

    static ServiceProcess secondInstance(Path jar, Path log) throws IOException, InterruptedException {
        return ServiceProcess.start(jar, Map.of("CRUDDUR_EMBEDDED", "false", "MICRONAUT_SERVER_PORT", "4568",
                "CRUDDUR_DYNAMODB_POLL_STREAM", "false"), log, 4568, new int[] {4568});
    }
}
