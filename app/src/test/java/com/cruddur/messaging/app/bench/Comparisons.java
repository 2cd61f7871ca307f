package com.cruddur.messaging.app.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Runs each operation through the service and through its raw store calls, at each concurrency,
 * and prints the two Markdown tables: throughput and latency with the ratio, and CPU per request.
 */
final class Comparisons {
    /** One operation's two paths: over HTTP through the service, and its store calls made directly. */
    record Paths(Load.Operation service, Load.Operation raw) {
    }

    private record Measured(Load.Result result, CpuMeter.Reading cpu) {
        String serverMicros() {
            return f(cpu.serverNanos() / 1_000.0 / result.requests());
        }

        String clientMicros() {
            return f(cpu.clientNanos() / 1_000.0 / result.requests());
        }
    }

    private record Row(String name, int level, Measured service, Measured raw) {
    }


    private final CpuMeter cpu;
    private final Duration each;
    private final Optional<String> pictures;
    private final Duration warmup = Duration.ofSeconds(Integer.getInteger("bench.warmup", 2));
    private final List<Row> rows = new ArrayList<>();
    private Duration warmedUp = Duration.ZERO;
    private double quietAt;

    /** @param pictures the prefix of the pictures' file names, or none to draw none */
    Comparisons(CpuMeter cpu, Duration each, Optional<String> pictures) {
        this.cpu = cpu;
        this.each = each;
        this.pictures = pictures;
    }

    /**
     * Measures steady state: first every operation runs on both paths, round after round, until the JIT
     * compilers of both processes go quiet (on two cores the service's compiler threads alone took half a
     * core for the first minute, and a fixed 8 s warm-up measured the service at half its speed); then
     * each measurement gets a short warm-up of its own.
     */
    void run(Map<String, Paths> operations, int[] levels) throws InterruptedException {
        warmUp(operations, Math.min(4, java.util.Arrays.stream(levels).max().orElse(1)));
        for (int level : levels) {
            for (var operation : operations.entrySet()) {
                rows.add(new Row(operation.getKey(), level, measure(operation.getKey() + " (service)", level, operation.getValue().service()),
                        measure(operation.getKey() + " (raw)", level, operation.getValue().raw())));
                System.err.println("measured " + operation.getKey() + " at " + level);
            }
        }
    }

    /** Rounds of every operation on both paths until the compilers of both processes go quiet. */
    private void warmUp(Map<String, Paths> operations, int level) throws InterruptedException {
        JitWarmUp.Done done = JitWarmUp.run(() -> cpu.serverCompilerNanos() + CpuMeter.clientCompilerNanos(),
                operations.values().stream().flatMap(paths -> java.util.stream.Stream.of(paths.service(), paths.raw())).toList(),
                level);
        warmedUp = done.took();
        quietAt = done.compiling();
    }

    private Measured measure(String name, int level, Load.Operation operation) throws InterruptedException {
        Load.run(name, level, warmup, Long.MAX_VALUE, operation);
        // Printed as the measurement starts, so that a profiler can be attached to exactly this window.
        System.err.println("measuring " + name + " at " + level);
        CpuMeter.Reading before = cpu.read();
        Load.Result result = Load.run(name, level, each, 20_000, operation);
        return new Measured(result, cpu.read().minus(before));
    }

    void print() {
        System.out.printf(Locale.ROOT, "JIT warm-up before measuring: %d s, until the compilers were busy %.0f %% of a round%n%n",
                warmedUp.toSeconds(), 100 * quietAt);
        System.out.println("## Throughput and latency: service over HTTP vs the same store calls made directly\n");
        System.out.println("| operation | concurrency | service req/s | service p50 ms | service p99 ms | errors | raw req/s | raw p50 ms | raw p99 ms | service / raw |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (Row row : rows) {
            Load.Result service = row.service().result();
            Load.Result raw = row.raw().result();
            System.out.println("| " + String.join(" | ", row.name(), String.valueOf(row.level()), f(service.perSecond()),
                    f(service.p50Millis()), f(service.p99Millis()), String.valueOf(service.errors() + raw.errors()),
                    f(raw.perSecond()), f(raw.p50Millis()), f(raw.p99Millis()),
                    String.format(Locale.ROOT, "%.2f", service.perSecond() / raw.perSecond())) + " |");
        }
        pictures.ifPresent(this::draw);
        System.out.println("\n## CPU per request (µs): server side (service JVM with DynamoDB Local, PostgreSQL) and load generator\n");
        System.out.println("| operation | concurrency | service: server | service: client | raw: server | raw: client |");
        System.out.println("|---|---|---|---|---|---|");
        for (Row row : rows) {
            System.out.println("| " + String.join(" | ", row.name(), String.valueOf(row.level()), row.service().serverMicros(),
                    row.service().clientMicros(), row.raw().serverMicros(), row.raw().clientMicros()) + " |");
        }
    }

    /** Throughput of both paths, and their latency percentiles, at each operation and concurrency. */
    private void draw(String prefix) {
        Map<String, Map<String, Double>> throughput = new LinkedHashMap<>();
        Map<String, Map<String, Double>> latency = new LinkedHashMap<>();
        for (Row row : rows) {
            String at = row.name() + " ×" + row.level();
            Load.Result service = row.service().result();
            Load.Result raw = row.raw().result();
            throughput.computeIfAbsent("service over HTTP", name -> new LinkedHashMap<>()).put(at, service.perSecond());
            throughput.computeIfAbsent("the same store calls, bare", name -> new LinkedHashMap<>()).put(at, raw.perSecond());
            latency.computeIfAbsent("service p50", name -> new LinkedHashMap<>()).put(at, service.p50Millis());
            latency.computeIfAbsent("service p99", name -> new LinkedHashMap<>()).put(at, service.p99Millis());
            latency.computeIfAbsent("bare p50", name -> new LinkedHashMap<>()).put(at, raw.p50Millis());
            latency.computeIfAbsent("bare p99", name -> new LinkedHashMap<>()).put(at, raw.p99Millis());
        }
        String machine = Runtime.getRuntime().availableProcessors() + " cores shared by service, engines and load; "
                + each.toSeconds() + " s each, after the JIT warm-up; ×N = concurrent requests";
        Charts.draw(prefix + "throughput.png", new Charts.Bars("Requests per second: the service and its floor", machine,
                "requests per second", throughput));
        Charts.draw(prefix + "latency.png", new Charts.Bars("Latency percentiles: the service and its floor", machine,
                "milliseconds", latency));
    }

    /**
     * Each measured operation's service / bare ratio at each concurrency, operation by operation, as one line:
     * {@code webtier: list_groups_c1=0.63 list_groups_c4=0.55 …}.
     */
    String webtierLine() {
        StringBuilder line = new StringBuilder("webtier:");
        List<String> operations = rows.stream().map(Row::name).distinct().toList();
        for (Row row : rows.stream().sorted(java.util.Comparator.comparing((Row r) -> operations.indexOf(r.name()))
                .thenComparingInt(Row::level)).toList()) {
            line.append(String.format(Locale.ROOT, " %s_c%d=%.2f", row.name().replace(' ', '_'), row.level(),
                    row.service().result().perSecond() / row.raw().result().perSecond()));
        }
        return line.toString();
    }

    private static String f(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.1f", value);
    }
}
