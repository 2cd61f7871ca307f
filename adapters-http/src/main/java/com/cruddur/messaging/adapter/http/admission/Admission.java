package com.cruddur.messaging.adapter.http.admission;

import com.netflix.concurrency.limits.Limit;
import com.netflix.concurrency.limits.Limiter;
import com.netflix.concurrency.limits.limit.FixedLimit;
import com.netflix.concurrency.limits.limit.Gradient2Limit;
import com.netflix.concurrency.limits.limiter.SimpleLimiter;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many requests are in hand at once: an adaptive limit (Netflix's Gradient2, which lowers it when
 * answers slow down against their long-run latency and raises it when they do not), never above
 * {@code maximum} — the bound of store calls the pools are sized for. The next requests wait in a line as
 * long as the current limit for up to {@code patience}; whoever is still waiting then, or finds the line
 * full, is turned away at once. Nobody waits on a thread: a place is handed over by completing the
 * waiter's future, so the event loop never blocks and a refusal costs microseconds.
 */
final class Admission implements AutoCloseable {
    /** A request that was let in, until it is done. */
    record Place(Limiter.Listener listener) {
    }

    private final int maximum;
    private final long patienceNanos;
    private final SimpleLimiter<Void> limiter;
    private final ArrayDeque<CompletableFuture<Optional<Place>>> line = new ArrayDeque<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "admission-timer");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong turnedAway = new AtomicLong();

    /**
     * An adaptive limit between a quarter of the maximum (at least 1) and the maximum, starting at the maximum: an idle
     * instance serves a burst it can serve — its first requests are slow while the JIT is cold, and a burst kept in
     * line behind a lower start outlived the patience. Slower answers than the limit's long-run latency lower it.
     */
    static Admission adaptive(int maximum, Duration patience) {
        return new Admission(maximum, patience, Gradient2Limit.newBuilder().maxConcurrency(maximum)
                .minLimit(Math.max(1, maximum / 4)).initialLimit(maximum).build());
    }

    /** Exactly {@code limit} at once (for tests of the line). */
    static Admission fixed(int limit, Duration patience) {
        return new Admission(limit, patience, FixedLimit.of(limit));
    }

    private Admission(int maximum, Duration patience, Limit limit) {
        if (maximum < 1) {
            throw new IllegalArgumentException("the admission limit must be at least 1, not " + maximum);
        }
        this.maximum = maximum;
        this.patienceNanos = patience.toNanos();
        this.limiter = SimpleLimiter.newBuilder().limit(limit).build();
    }

    /** Completes with a place once the request may go on ({@link #leave} must follow), or empty if turned away. */
    synchronized CompletableFuture<Optional<Place>> enter() {
        Optional<Place> place = line.isEmpty() ? limiter.acquire(null).map(Place::new) : Optional.empty();
        if (place.isPresent()) {
            return CompletableFuture.completedFuture(place);
        }
        if (line.size() >= limiter.getLimit() || patienceNanos == 0) {
            turnedAway.incrementAndGet();
            return CompletableFuture.completedFuture(Optional.empty());
        }
        CompletableFuture<Optional<Place>> waiter = new CompletableFuture<>();
        line.add(waiter);
        timer.schedule(() -> giveUp(waiter), patienceNanos, TimeUnit.NANOSECONDS);
        return waiter;
    }

    /**
     * A request that was let in is done; {@code measured} says whether its time tells the limit anything
     * (an answer, not a failure before any work). Its place goes to the longest waiting, if the limit allows.
     */
    void leave(Place place, boolean measured) {
        if (measured) {
            place.listener().onSuccess();
        } else {
            place.listener().onIgnore();
        }
        // Places are handed over outside the lock: completing a waiter runs its request's next steps.
        List<Map.Entry<CompletableFuture<Optional<Place>>, Place>> handOver = new ArrayList<>();
        synchronized (this) {
            while (!line.isEmpty()) {
                Optional<Limiter.Listener> next = limiter.acquire(null);
                if (next.isEmpty()) {
                    break;
                }
                handOver.add(Map.entry(line.poll(), new Place(next.get())));
            }
        }
        for (Map.Entry<CompletableFuture<Optional<Place>>, Place> given : handOver) {
            if (!given.getKey().complete(Optional.of(given.getValue()))) {
                leave(given.getValue(), false); // withdrawn meanwhile: the place goes on to the next
            }
        }
    }

    /** A waiter that will not take the place it may have been given (its request was cancelled): pass it on. */
    void withdraw(CompletableFuture<Optional<Place>> waiter) {
        if (waiter.complete(Optional.empty())) {
            synchronized (this) {
                line.remove(waiter);
            }
        } else {
            waiter.getNow(Optional.empty()).ifPresent(place -> leave(place, false));
        }
    }

    int inHand() {
        return limiter.getInflight();
    }

    int limit() {
        return limiter.getLimit();
    }

    int maximum() {
        return maximum;
    }

    long turnedAway() {
        return turnedAway.get();
    }

    private void giveUp(CompletableFuture<Optional<Place>> waiter) {
        boolean waiting;
        synchronized (this) {
            waiting = line.remove(waiter);
        }
        // Counted before the answer goes out, so whoever sees the refusal sees it counted; a waiter whose
        // request was withdrawn at the same moment was not turned away.
        if (waiting) {
            turnedAway.incrementAndGet();
            if (!waiter.complete(Optional.empty())) {
                turnedAway.decrementAndGet();
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
