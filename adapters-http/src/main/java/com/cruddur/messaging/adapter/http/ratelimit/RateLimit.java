package com.cruddur.messaging.adapter.http.ratelimit;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;

/**
 * One per-caller limit ({@code cruddur.rate-limits.<name>}): {@code per-second} sustained, up to {@code burst}
 * at once after a quiet spell.
 */
@EachProperty("cruddur.rate-limits")
public record RateLimit(@Parameter String name, int perSecond, int burst) {
    public RateLimit {
        if (perSecond < 1 || burst < 1) {
            throw new IllegalArgumentException("cruddur.rate-limits." + name
                    + ": per-second and burst must be at least 1 (were " + perSecond + " and " + burst + ")");
        }
    }
}
