package com.cruddur.messaging.app.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time spent by the server side (the service process and every process it started, such as
 * PostgreSQL) and by this load-generating process. Both share the machine's cores, so a request's
 * cost is the sum; the split tells which side a ratio is decided by.
 */
final class CpuMeter {
    /** Linux reports /proc times in clock ticks of 10 ms (CLK_TCK = 100). */
    private static final long NANOS_PER_TICK = 10_000_000L;

    record Reading(long serverNanos, long clientNanos) {
        Reading minus(Reading earlier) {
            return new Reading(serverNanos - earlier.serverNanos, clientNanos - earlier.clientNanos);
        }
    }

    private final ProcessHandle server;

    CpuMeter(ProcessHandle server) {
        this.server = server;
    }

    Reading read() {
        long serverNanos = Stream.concat(Stream.of(server), server.descendants()).mapToLong(CpuMeter::processNanos).sum();
        long clientNanos = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        return new Reading(serverNanos, clientNanos);
    }

    /** CPU time the service's JIT compiler threads have used: it stops growing once its hot code is compiled. */
    long serverCompilerNanos() {
        return serverThreadNanos("C[12] CompilerThre.*");
    }

    /**
     * CPU time of the embedded DynamoDB Local's own threads in the service process (its Jetty pool and
     * SQLite queue): what a deployment on real DynamoDB does not spend in the service.
     */
    long embeddedDynamoDbNanos() {
        return serverThreadNanos("qtp.*|SQLiteQueue.*");
    }

    private long serverThreadNanos(String namePattern) {
        try (Stream<Path> threads = Files.list(Path.of("/proc", String.valueOf(server.pid()), "task"))) {
            return threads.filter(thread -> commandName(thread.resolve("stat")).matches(namePattern))
                    .mapToLong(thread -> cpuNanos(thread.resolve("stat"))).sum();
        } catch (IOException gone) {
            return 0;
        }
    }

    /** Compilation time of this process's JIT, the raw path's counterpart of {@link #serverCompilerNanos()}. */
    static long clientCompilerNanos() {
        return ManagementFactory.getCompilationMXBean().getTotalCompilationTime() * 1_000_000L;
    }

    /** CPU time of the service's process alone (not the engines it started). */
    long serverProcessNanos() {
        return processNanos(server);
    }

    private static long processNanos(ProcessHandle process) {
        return cpuNanos(Path.of("/proc", String.valueOf(process.pid()), "stat"));
    }

    /** utime + stime from a /proc stat file; 0 for a process or thread that has gone since it was listed. */
    private static long cpuNanos(Path stat) {
        try {
            String line = Files.readString(stat);
            // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    private static String commandName(Path stat) {
        try {
            String line = Files.readString(stat);
            return line.substring(line.indexOf('(') + 1, line.lastIndexOf(')'));
        } catch (IOException | RuntimeException gone) {
            return "";
        }
    }
}
