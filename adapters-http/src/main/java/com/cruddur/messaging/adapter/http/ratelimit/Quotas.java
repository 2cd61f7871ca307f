package com.cruddur.messaging.adapter.http.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Optional;

/**
 * A token bucket per caller for one limit, on this instance. Buckets of callers quiet for longer than a full
 * refill are dropped (they would be full again anyway), so memory follows the active callers.
 */
final class Quotas {
    private final RateLimit limit;
    private final Cache<String, Bucket> buckets;

    Quotas(RateLimit limit) {
        this.limit = limit;
        Duration refill = Duration.ofMillis(1000L * limit.burst() / limit.perSecond() + 1000);
        this.buckets = Caffeine.newBuilder().expireAfterAccess(refill).build();
    }

    /** Takes one unit of the caller's quota; when none is left, how long until one is. */
    Optional<Duration> take(String caller) {
        ConsumptionProbe probe = buckets.get(caller, this::bucket).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    String name() {
        return limit.name();
    }

    private Bucket bucket(String caller) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.burst()).refillGreedy(limit.perSecond(), Duration.ofSeconds(1)).build())
                .build();
    }
}
