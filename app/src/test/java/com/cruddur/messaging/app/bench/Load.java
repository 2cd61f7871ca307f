package com.cruddur.messaging.app.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;

/**
 * Runs one operation from several threads for a bounded time and count, recording each call's
 * latency; a call that throws or reports failure counts as an error.
 */
final class Load {

    @FunctionalInterface
    interface Operation {
        /** Runs once on the given worker; returns whether it succeeded. */
        boolean run(int worker) throws Exception;
    }

    record Result(String name, int concurrency, long requests, long errors, double seconds, double p50Millis,
                  double p99Millis) {
        double perSecond() {
            return requests / seconds;
        }
    }

    private Load() {
    }

    static Result run(String name, int concurrency, Duration duration, long maxRequests, Operation operation)
            throws InterruptedException {
        Recorder latencies = new Recorder(3);
        AtomicLong requests = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long deadline = System.nanoTime() + duration.toNanos();
        CountDownLatch done = new CountDownLatch(concurrency);
        List<Thread> workers = new ArrayList<>();
        long started = System.nanoTime();
        for (int w = 0; w < concurrency; w++) {
            int worker = w;
            Thread thread = new Thread(() -> {
                try {
                    while (System.nanoTime() < deadline && requests.incrementAndGet() <= maxRequests) {
                        long t0 = System.nanoTime();
                        boolean ok;
                        try {
                            ok = operation.run(worker);
                        } catch (Exception e) {
                            ok = false;
                        }
                        latencies.recordValue(Math.max(1, (System.nanoTime() - t0) / 1_000));
                        if (!ok) {
                            errors.incrementAndGet();
                        }
                    }
                } finally {
                    done.countDown();
                }
            }, "load-" + name + "-" + w);
            workers.add(thread);
            thread.start();
        }
        done.await();
        double seconds = (System.nanoTime() - started) / 1e9;
        var histogram = latencies.getIntervalHistogram();
        return new Result(name, concurrency, histogram.getTotalCount(), errors.get(), seconds,
                histogram.getValueAtPercentile(50) / 1_000.0, histogram.getValueAtPercentile(99) / 1_000.0);
    }
}
