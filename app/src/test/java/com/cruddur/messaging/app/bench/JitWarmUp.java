package com.cruddur.messaging.app.bench;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Steady state before measuring: rounds of load until the JIT compilers go quiet (busy under 3 % of a
 * round), at most {@code -Dbench.jit-warmup} seconds (240). On two cores the service's compiler threads
 * alone took half a core for the first minute, and a fixed 8 s warm-up measured the service at half its speed.
 */
final class JitWarmUp {
    private static final Duration SLICE = Duration.ofSeconds(2);
    private static final double QUIET_COMPILERS = 0.03;

    /** How long it took, and the share of the last round's time the compilers were still busy. */
    record Done(Duration took, double compiling) {
    }

    private JitWarmUp() {
    }

    /** Each round runs every operation for 2 s at the given concurrency. */
    static Done run(LongSupplier compilerNanos, List<Load.Operation> round, int concurrency) throws InterruptedException {
        long limit = Duration.ofSeconds(Integer.getInteger("bench.jit-warmup", 240)).toNanos();
        long started = System.nanoTime();
        double compiling;
        do {
            long compiledBefore = compilerNanos.getAsLong();
            long roundStarted = System.nanoTime();
            for (Load.Operation operation : round) {
                Load.run("warm-up", concurrency, SLICE, Long.MAX_VALUE, operation);
            }
            compiling = (double) (compilerNanos.getAsLong() - compiledBefore) / (System.nanoTime() - roundStarted);
            System.err.printf(Locale.ROOT, "warm-up: the JIT compilers were busy %.0f %% of the last round%n", 100 * compiling);
        } while (compiling > QUIET_COMPILERS && System.nanoTime() - started < limit);
        return new Done(Duration.ofNanos(System.nanoTime() - started), compiling);
    }
}
