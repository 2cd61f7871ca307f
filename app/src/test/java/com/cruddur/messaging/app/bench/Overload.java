package com.cruddur.messaging.app.bench;

import com.cruddur.messaging.app.Http;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * Overload (issue 34): a flood of list groups, then of sends to a group, from 16 up to 2,000 open
 * connections on 127.0.0.1 — {@code wrk} (Debian's package: {@code apt-get install wrk}), as the issue
 * measured, each connection sending its next request as soon as the last is answered, 503s included,
 * i.e. ignoring {@code Retry-After}. Per level: answers by kind (200, 503 {@code ["overloaded"]}, any
 * other 503 — one blaming a store would be a lie, the stores are healthy — and client timeouts, wrk's
 * 2 s), and the service's threads and resident memory at the end. Alongside the flood a probe, a client
 * that behaves (one request at a time, 10 ms apart), records the latency of its answered requests: what
 * a user gets while the instance sheds the excess.
 */
final class Overload {
    private static final int[] LEVELS = {16, 64, 256, 1_000, 2_000};
    private static final Pattern COUNTS = Pattern.compile(
            "counts ok=(\\d+) shed=(\\d+) other503=(\\d+) other=(\\d+) timeouts=(\\d+) connect=(\\d+) read=(\\d+)");

    private final URI service;
    private final ServiceProcess process;
    private final Duration each;

    Overload(URI service, ServiceProcess process, Duration each) {
        this.service = service;
        this.process = process;
        this.each = each;
    }

    void print() throws Exception {
        Http http = new Http(service);
        String token = http.devToken("andrewbrown");
        String group = Http.extract(http.get("/api/message_groups", token).body(), "\"uuid\":\"([^\"]+)\"");
        String send = "{\"message\":\"overload\",\"message_group_uuid\":\"" + group + "\"}";
        Path listScript = script("");
        Path sendScript = script("wrk.method = \"POST\"\nwrk.body = '" + send + "'\nwrk.headers[\"Content-Type\"] = \"application/json\"\n");
        // Warm-up: the JIT compiles the paths before anything is measured.
        wrk(listScript, "/api/message_groups", token, 16, Duration.ofSeconds(15));
        wrk(sendScript, "/api/messages", token, 16, Duration.ofSeconds(15));
        long rssBefore = residentMegabytes();
        System.out.printf(Locale.ROOT, "service after the warm-up: %d threads, %d MB resident%n%n", threads(), rssBefore);
        System.out.println("| operation | connections | answered/s | shed | other 503 | client timeouts (2 s) | probe: answered"
                + " p50 / p99 (ms) | probe: shed | probe: shed answer p50 / p99 (ms) | service threads | RSS (MB) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        Map<String, Map<String, Double>> answered = new LinkedHashMap<>();
        Map<String, Map<String, Double>> shedShare = new LinkedHashMap<>();
        Map<String, Map<String, Double>> waits = new LinkedHashMap<>();
        for (String operation : new String[] {"list groups", "send to group"}) {
            boolean list = "list groups".equals(operation);
            for (int connections : LEVELS) {
                Probe probe = new Probe(list ? HttpRequest.newBuilder(service.resolve("/api/message_groups")).GET()
                        : HttpRequest.newBuilder(service.resolve("/api/messages")).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(send)), token);
                probe.start();
                String report = wrk(list ? listScript : sendScript, list ? "/api/message_groups" : "/api/messages", token,
                        connections, each);
                probe.stop();
                Matcher counts = COUNTS.matcher(report);
                if (!counts.find()) {
                    throw new IllegalStateException("wrk's report has no counts:\n" + report);
                }
                long ok = Long.parseLong(counts.group(1));
                long shed = Long.parseLong(counts.group(2));
                long all = ok + shed + Long.parseLong(counts.group(3)) + Long.parseLong(counts.group(4));
                System.out.printf(Locale.ROOT, "| %s | %,d | %,.0f | %.1f %% | %s | %s | %.1f / %.1f | %d of %d | %.1f / %.1f | %d | %d |%n",
                        operation, connections, ok / (double) each.toSeconds(), 100.0 * shed / Math.max(1, all),
                        counts.group(3), counts.group(5), probe.answered.getValueAtPercentile(50) / 1000.0,
                        probe.answered.getValueAtPercentile(99) / 1000.0, probe.shed, probe.shed + probe.answered.getTotalCount(),
                        probe.turnedAway.getValueAtPercentile(50) / 1000.0, probe.turnedAway.getValueAtPercentile(99) / 1000.0,
                        threads(), residentMegabytes());
                String level = String.format(Locale.ROOT, "%,d", connections);
                answered.computeIfAbsent(operation + ": answered/s", name -> new LinkedHashMap<>())
                        .put(level, ok / (double) each.toSeconds());
                shedShare.computeIfAbsent(operation + ": shed, % of all answers", name -> new LinkedHashMap<>())
                        .put(level, 100.0 * shed / Math.max(1, all));
                waits.computeIfAbsent(operation + ": the probe's answered requests, p99", name -> new LinkedHashMap<>())
                        .put(level, probe.answered.getValueAtPercentile(99) / 1000.0);
                waits.computeIfAbsent(operation + ": the probe's refusals, p99", name -> new LinkedHashMap<>())
                        .put(level, probe.turnedAway.getValueAtPercentile(99) / 1000.0);
            }
        }
        String subtitle = Runtime.getRuntime().availableProcessors() + " cores; wrk for " + each.toSeconds()
                + " s at each level, a well-behaved probe alongside";
        Charts.draw("overload.png", new Charts.Curves("Under overload: what is answered, and the share shed", subtitle,
                "open connections (wrk, each sending again at once)", "answered per second", answered,
                "shed (503 overloaded), % of all answers", shedShare));
        Charts.draw("overload-latency.png", new Charts.Curves("Under overload: how long a well-behaved client waits",
                subtitle, "open connections (wrk, each sending again at once)", "p99, milliseconds", waits, "", Map.of()));
        System.out.printf(Locale.ROOT, "%nresident memory after the run: %d MB (%+d MB since the warm-up)%n",
                residentMegabytes(), residentMegabytes() - rssBefore);
    }

    /** wrk's Lua: every answer sorted by kind, summed over wrk's threads when it is done. */
    private static Path script(String request) throws IOException {
        Path script = Files.createTempFile("overload", ".lua");
        Files.writeString(script, request + """
                local threads = {}
                function setup(thread) table.insert(threads, thread) end
                function init(args) ok = 0; shed = 0; other503 = 0; other = 0 end
                function response(status, headers, body)
                  if status == 200 then ok = ok + 1
                  elseif status == 503 and string.find(body, "overloaded", 1, true) then shed = shed + 1
                  elseif status == 503 then other503 = other503 + 1
                  else other = other + 1 end
                end
                function done(summary, latency, requests)
                  local t = {ok = 0, shed = 0, other503 = 0, other = 0}
                  for _, thread in ipairs(threads) do
                    for name, _ in pairs(t) do t[name] = t[name] + thread:get(name) end
                  end
                  io.write(string.format("counts ok=%d shed=%d other503=%d other=%d timeouts=%d connect=%d read=%d\\n",
                    t.ok, t.shed, t.other503, t.other, summary.errors.timeout, summary.errors.connect, summary.errors.read))
                end
                """);
        return script;
    }

    private String wrk(Path script, String path, String token, int connections, Duration duration) {
        try {
            Process wrk = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + duration.toSeconds() + "s",
                    "-s", script.toString(), "-H", "Authorization: Bearer " + token, service.resolve(path).toString())
                    .redirectErrorStream(true).start();
            String report = new String(wrk.getInputStream().readAllBytes());
            if (wrk.waitFor() != 0) {
                throw new IllegalStateException("wrk failed:\n" + report);
            }
            return report;
        } catch (IOException e) {
            throw new IllegalStateException("this benchmark needs wrk on the PATH (apt-get install wrk)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A client that behaves: one request at a time, 10 ms apart; the latency of what it gets answered. */
    private static final class Probe {
        final Histogram answered = new Histogram(3);
        final Histogram turnedAway = new Histogram(3);
        long shed;
        private final HttpRequest request;
        private final HttpClient client = HttpClient.newHttpClient();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread = new Thread(this::run, "overload-probe");

        Probe(HttpRequest.Builder request, String token) {
            this.request = request.header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).build();
        }

        void start() {
            thread.start();
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join();
        }

        private void run() {
            while (running.get()) {
                long sent = System.nanoTime();
                try {
                    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                    long micros = Math.max(1, (System.nanoTime() - sent) / 1_000);
                    if (response.statusCode() == 200) {
                        answered.recordValue(micros);
                    } else {
                        turnedAway.recordValue(micros);
                        shed++;
                    }
                    Thread.sleep(10);
                } catch (IOException e) {
                    shed++;
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private long threads() throws IOException {
        return process.threads();
    }

    private long residentMegabytes() throws IOException {
        return process.residentKilobytes() / 1024;
    }
}
