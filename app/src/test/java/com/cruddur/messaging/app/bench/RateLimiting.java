package com.cruddur.messaging.app.bench;

import com.cruddur.messaging.app.Http;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * Rate limits (issue 28): one user ({@code andrewbrown}) floods sends at ten times the send limit while
 * another ({@code bayko}) sends at a normal pace, below it; the second user's send latency with and without
 * the flood, alternating phases (without, with, without, with) so that drift of the machine falls on both.
 */
final class RateLimiting {
    static final int LIMIT_PER_SECOND = 5;
    static final int BURST = 30;
    private static final int FLOOD_PER_SECOND = 10 * LIMIT_PER_SECOND;
    private static final int NORMAL_PER_SECOND = 4;

    private final URI service;
    private final Duration each;

    RateLimiting(URI service, Duration each) {
        this.service = service;
        this.each = each;
    }

    void print() throws Exception {
        Http http = new Http(service);
        String flooder = http.devToken("andrewbrown");
        String sender = http.devToken("bayko");
        String floodedGroup = Http.extract(http.get("/api/message_groups", flooder).body(), "\"uuid\":\"([^\"]+)\"");
        String senderGroup = Http.extract(http.post("/api/messages", sender, "{\"message\":\"hello\",\"handle\":\"londo\"}").body(),
                "\"message_group_uuid\":\"([^\"]+)\"");
        String flood = "{\"message\":\"flood\",\"message_group_uuid\":\"" + floodedGroup + "\"}";
        String normal = "{\"message\":\"normal\",\"message_group_uuid\":\"" + senderGroup + "\"}";

        try (ServiceClient client = new ServiceClient(service, 64)) {
            Flood warmUpFlood = Flood.start(client, flooder, flood);
            sendAtPace(client, sender, normal, Duration.ofSeconds(10));
            warmUpFlood.stop();
            Thread.sleep(1000L * BURST / LIMIT_PER_SECOND + 1000); // the flooder's bucket fills up again

            Histogram without = new Histogram(3);
            Histogram with = new Histogram(3);
            long accepted = 0;
            long refused = 0;
            long other = 0;
            for (int round = 0; round < 2; round++) {
                without.add(sendAtPace(client, sender, normal, each));
                Flood flooding = Flood.start(client, flooder, flood);
                with.add(sendAtPace(client, sender, normal, each));
                flooding.stop();
                accepted += flooding.accepted.get();
                refused += flooding.refused.get();
                other += flooding.other.get();
                Thread.sleep(1000L * BURST / LIMIT_PER_SECOND + 1000);
            }
            double floodSeconds = 2.0 * each.toMillis() / 1000;
            System.out.printf(Locale.ROOT, "send limit %d/s, burst %d (per user); the flooder sends %d/s, the other user %d/s%n%n",
                    LIMIT_PER_SECOND, BURST, FLOOD_PER_SECOND, NORMAL_PER_SECOND);
            System.out.println("| the other user's sends | count | p50 (ms) | p99 (ms) | max (ms) |");
            System.out.println("|---|---|---|---|---|");
            row("without the flood", without);
            row("during the flood", with);
            System.out.printf(Locale.ROOT, "%nratio during / without: p50 %.2f, p99 %.2f (target ≤ 1.5)%n",
                    ratio(with, without, 50), ratio(with, without, 99));
            System.out.printf(Locale.ROOT, "the flooder: %d answered 200 (%.1f/s: the limit's %d/s after a burst of %d per phase),"
                            + " %d answered 429, %d other%n", accepted, accepted / floodSeconds, LIMIT_PER_SECOND, BURST,
                    refused, other);
        }
    }

    /** Sends at a steady pace (open loop: the next send is due on time whatever the last one took). */
    private static Histogram sendAtPace(ServiceClient client, String token, String json, Duration duration) throws Exception {
        Histogram latencies = new Histogram(3);
        long interval = TimeUnit.SECONDS.toNanos(1) / NORMAL_PER_SECOND;
        long next = System.nanoTime();
        long end = next + duration.toNanos();
        while (next < end) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            long started = System.nanoTime();
            int status = client.postStatus("/api/messages", token, json);
            if (status != 200) {
                throw new IllegalStateException("the other user's send was answered " + status);
            }
            latencies.recordValue(Math.max(1, (System.nanoTime() - started) / 1000));
            next += interval;
        }
        return latencies;
    }

    private static void row(String name, Histogram micros) {
        System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f |%n", name, micros.getTotalCount(),
                micros.getValueAtPercentile(50) / 1000.0, micros.getValueAtPercentile(99) / 1000.0, micros.getMaxValue() / 1000.0);
    }

    private static double ratio(Histogram with, Histogram without, double percentile) {
        return (double) with.getValueAtPercentile(percentile) / without.getValueAtPercentile(percentile);
    }

    /** Sends of one user at {@link #FLOOD_PER_SECOND}, each on its own thread so a slow answer delays none. */
    private static final class Flood {
        private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        private final ExecutorService senders = Executors.newFixedThreadPool(16);
        private final AtomicLong accepted = new AtomicLong();
        private final AtomicLong refused = new AtomicLong();
        private final AtomicLong other = new AtomicLong();

        static Flood start(ServiceClient client, String token, String json) {
            Flood flood = new Flood();
            flood.clock.scheduleAtFixedRate(() -> flood.senders.execute(() -> {
                try {
                    int status = client.postStatus("/api/messages", token, json);
                    (status == 200 ? flood.accepted : status == 429 ? flood.refused : flood.other).incrementAndGet();
                } catch (Exception e) {
                    flood.other.incrementAndGet();
                }
            }), 0, TimeUnit.SECONDS.toNanos(1) / FLOOD_PER_SECOND, TimeUnit.NANOSECONDS);
            return flood;
        }

        void stop() throws InterruptedException {
            clock.shutdownNow();
            senders.shutdown();
            senders.awaitTermination(30, TimeUnit.SECONDS);
        }
    }
}
