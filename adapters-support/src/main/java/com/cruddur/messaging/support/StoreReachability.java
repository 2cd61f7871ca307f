package com.cruddur.messaging.support;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Whether a store answers, as its adapter sees it call by call — so that an outage reads as a few
 * lines an operator can act on, not one per failed call: a line when the store stops answering (naming
 * it, its endpoint and why), a summary at most every {@code summaryEvery} while it stays away, and a
 * line when it answers again. The adapter logs what this returns; the metrics keep the exact counts.
 * Thread-safe; a call that succeeds while the store is up costs one volatile read. While the JVM shuts down,
 * a store that stops answering is no outage (the embedded engines stop in shutdown hooks of their own, while
 * the service's last calls and listeners still run): nothing to warn about.
 */
public final class StoreReachability {
    public static final Duration SUMMARY_EVERY = Duration.ofSeconds(10);

    private final String store;
    private final String endpoint;
    private final long summaryEveryNanos;
    private final LongSupplier nanoTime;
    private final BooleanSupplier shuttingDown;
    private volatile boolean down;
    private long downSince;
    private long summarizedAt;
    private long failedSinceSummary;
    private long failedInOutage;

    public StoreReachability(String store, String endpoint) {
        this(store, endpoint, SUMMARY_EVERY, System::nanoTime, StoreReachability::jvmShuttingDown);
    }

    public StoreReachability(String store, String endpoint, Duration summaryEvery, LongSupplier nanoTime,
                             BooleanSupplier shuttingDown) {
        this.store = store;
        this.endpoint = endpoint;
        this.summaryEveryNanos = summaryEvery.toNanos();
        this.nanoTime = nanoTime;
        this.shuttingDown = shuttingDown;
    }

    public String store() {
        return store;
    }

    /** Whether the store answered the last call made to it (true until a call fails): an outage's gauge. */
    public boolean reachable() {
        return !down;
    }

    public String endpoint() {
        return endpoint;
    }

    /** A call failed because the store did not answer: the line to warn with, if this one deserves a line. */
    public synchronized Optional<String> failed(Throwable cause) {
        long now = nanoTime.getAsLong();
        // Asked only where a line would be written: a failing call during an outage costs no more than before.
        if ((!down || now - summarizedAt >= summaryEveryNanos) && shuttingDown.getAsBoolean()) {
            return Optional.empty();
        }
        failedInOutage++;
        if (!down) {
            down = true;
            downSince = now;
            summarizedAt = now;
            failedSinceSummary = 0;
            return Optional.of(String.format(Locale.ROOT, "%s at %s is unavailable (%s); calls to it fail until it answers again",
                    store, endpoint, rootCause(cause)));
        }
        failedSinceSummary++;
        if (now - summarizedAt < summaryEveryNanos) {
            return Optional.empty();
        }
        String line = String.format(Locale.ROOT, "%s at %s still unavailable after %s: %d failed calls in the last %s (%s)", store,
                endpoint, seconds(now - downSince), failedSinceSummary, seconds(now - summarizedAt), rootCause(cause));
        summarizedAt = now;
        failedSinceSummary = 0;
        return Optional.of(line);
    }

    /** A call got an answer: the line to tell that the store is back, if it was away. */
    public Optional<String> answered() {
        if (!down) {
            return Optional.empty();
        }
        synchronized (this) {
            if (!down) {
                return Optional.empty();
            }
            down = false;
            String line = String.format(Locale.ROOT, "%s at %s answers again after %s (%d calls failed meanwhile)", store, endpoint,
                    seconds(nanoTime.getAsLong() - downSince), failedInOutage);
            failedInOutage = 0;
            return Optional.of(line);
        }
    }

    /** The JVM refuses new shutdown hooks once it has begun running them: the one sure sign, asked only on failure. */
    private static boolean jvmShuttingDown() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException shuttingDown) {
            return true;
        }
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    /** The innermost cause in one line: what an operator can act on (refused, timed out, unknown host). */
    private static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage().lines().findFirst().orElse("");
        String line = root.getClass().getSimpleName() + message;
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
