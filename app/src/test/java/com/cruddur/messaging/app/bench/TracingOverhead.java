package com.cruddur.messaging.app.bench;

import com.cruddur.messaging.app.Http;
import com.cruddur.messaging.app.OtlpReceiver;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What tracing costs (issue 20): the service as users run it, started six times (untraced, tracing every
 * request, sampling 1 in 10, and again in mirrored order), traced runs exporting over OTLP to a stand-in collector on
 * 127.0.0.1 (in this process, so its parsing is not billed to the service). Each run warms up until the
 * service's JIT compilers go quiet, then
 * measures send to group and list groups at concurrency 4: throughput, latency, and CPU time per request,
 * of the server side (the service's process and its embedded engines) and of the service's own threads
 * (without the embedded DynamoDB Local's, whose cost a deployment on real DynamoDB does not carry).
 */
final class TracingOverhead {
    private static final URI SERVICE = URI.create("http://127.0.0.1:4567");
    private static final int CONCURRENCY = 4;
    private static final List<String> OPERATIONS = List.of("send to group", "list groups");

    /**
     * @param cpuMillisPerRequest     the service's process and its engines
     * @param serviceMillisPerRequest the service process without the embedded DynamoDB Local's threads, nor
     *                                PostgreSQL: closer to what a deployment on real DynamoDB spends
     */
    private record Measured(Load.Result load, double cpuMillisPerRequest, double serviceMillisPerRequest) {
    }

    private final Path jar;
    private final Duration each;

    TracingOverhead(Path jar, Duration each) {
        this.jar = jar;
        this.each = each;
    }

    /** How the service runs: untraced, tracing every request, or the usual production sampling of 1 in 10. */
    private enum Mode {
        OFF("off"), EVERY("every request, exported"), SAMPLED("1 in 10 sampled, exported");

        private final String label;

        Mode(String label) {
            this.label = label;
        }

        Map<String, String> environment(OtlpReceiver collector) {
            Map<String, String> environment = new HashMap<>();
            if (this != OFF) {
                environment.put("OTEL_TRACES_EXPORTER", "otlp");
                environment.put("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", collector.tracesEndpoint());
            }
            if (this == SAMPLED) {
                environment.put("OTEL_TRACES_SAMPLER", "parentbased_traceidratio");
                environment.put("OTEL_TRACES_SAMPLER_ARG", "0.1");
            }
            return environment;
        }
    }

    void print() throws Exception {
        Map<Mode, Map<String, List<Measured>>> runs = new LinkedHashMap<>();
        long spans;
        try (OtlpReceiver collector = OtlpReceiver.counting()) {
            // Each mode twice, in mirrored order: the machine drifts during a run of many minutes.
            for (Mode mode : List.of(Mode.OFF, Mode.EVERY, Mode.SAMPLED, Mode.SAMPLED, Mode.EVERY, Mode.OFF)) {
                Map<String, String> environment = new HashMap<>(mode.environment(collector));
                environment.put("CRUDDUR_THROWAWAY", "true");
                environment.put("JAVA_TOOL_OPTIONS", System.getProperty("bench.service-options", ""));
                Map<String, List<Measured>> byOperation = runs.computeIfAbsent(mode, t -> new LinkedHashMap<>());
                measure(environment).forEach((operation, measured) ->
                        byOperation.computeIfAbsent(operation, o -> new ArrayList<>()).add(measured));
            }
            spans = collector.count();
        }

        System.out.printf(Locale.ROOT, "| operation (concurrency %d) | tracing | req/s | p50 ms | p99 ms | server CPU ms / request"
                + " | of which the service's own |%n", CONCURRENCY);
        System.out.println("|---|---|---|---|---|---|---|");
        for (String operation : OPERATIONS) {
            for (Mode mode : Mode.values()) {
                for (Measured measured : runs.get(mode).get(operation)) {
                    Load.Result load = measured.load();
                    System.out.printf(Locale.ROOT, "| %s | %s | %.0f | %.2f | %.2f | %.3f | %.3f |%n", operation,
                            mode.label, load.perSecond(), load.p50Millis(), load.p99Millis(),
                            measured.cpuMillisPerRequest(), measured.serviceMillisPerRequest());
                }
            }
        }
        System.out.println();
        for (String operation : OPERATIONS) {
            for (Mode mode : List.of(Mode.EVERY, Mode.SAMPLED)) {
                List<Measured> traced = runs.get(mode).get(operation);
                List<Measured> untraced = runs.get(Mode.OFF).get(operation);
                System.out.printf(Locale.ROOT, "%s, %s / off: throughput %.2f, server CPU per request %.2f,"
                                + " the service's own CPU per request %.2f%n", operation, mode.label,
                        mean(traced, m -> m.load().perSecond()) / mean(untraced, m -> m.load().perSecond()),
                        mean(traced, Measured::cpuMillisPerRequest) / mean(untraced, Measured::cpuMillisPerRequest),
                        mean(traced, Measured::serviceMillisPerRequest) / mean(untraced, Measured::serviceMillisPerRequest));
            }
        }
        System.out.printf(Locale.ROOT, "spans the stand-in collector received from the traced runs: %d%n", spans);
    }

    private Map<String, Measured> measure(Map<String, String> environment) throws Exception {
        Path log = Files.createTempFile("bench-tracing", ".log");
        Map<String, Measured> measured = new LinkedHashMap<>();
        try (ServiceProcess service = ServiceProcess.start(jar, environment, log);
             ServiceClient client = new ServiceClient(SERVICE, CONCURRENCY)) {
            Http http = new Http(SERVICE);
            String andrew = http.devToken("andrewbrown");
            String group = Http.extract(http.get("/api/message_groups", andrew).body(), "\"uuid\":\"([^\"]+)\"");
            Map<String, Load.Operation> operations = Map.of(
                    "send to group", w -> client.post("/api/messages", andrew,
                            "{\"message\":\"benchmark message\",\"message_group_uuid\":\"" + group + "\"}"),
                    "list groups", w -> client.get("/api/message_groups", andrew));
            CpuMeter cpu = new CpuMeter(service.handle());
            warmUp(cpu, operations);
            for (String operation : OPERATIONS) {
                CpuMeter.Reading before = cpu.read();
                long dynamoDbBefore = cpu.embeddedDynamoDbNanos();
                long processBefore = cpu.serverProcessNanos();
                Load.Result load = Load.run(operation, CONCURRENCY, each, Long.MAX_VALUE, operations.get(operation));
                CpuMeter.Reading used = cpu.read().minus(before);
                long own = cpu.serverProcessNanos() - processBefore - (cpu.embeddedDynamoDbNanos() - dynamoDbBefore);
                if (load.errors() > 0) {
                    throw new IllegalStateException(load.errors() + " failed requests; see " + log);
                }
                measured.put(operation, new Measured(load, used.serverNanos() / 1e6 / load.requests(),
                        own / 1e6 / load.requests()));
            }
        }
        return measured;
    }

    /** Until the service's JIT compilers go quiet: a traced service has more code to compile. */
    private static void warmUp(CpuMeter cpu, Map<String, Load.Operation> operations) throws InterruptedException {
        JitWarmUp.Done done = JitWarmUp.run(cpu::serverCompilerNanos, OPERATIONS.stream().map(operations::get).toList(),
                CONCURRENCY);
        System.err.printf(Locale.ROOT, "warm-up: %d s, until the compilers were busy %.0f %% of a round%n",
                done.took().toSeconds(), 100 * done.compiling());
    }

    private static double mean(List<Measured> runs, java.util.function.ToDoubleFunction<Measured> value) {
        return runs.stream().mapToDouble(value).average().orElseThrow();
    }
}
