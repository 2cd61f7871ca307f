package com.cruddur.messaging.adapter.http.ratelimit;

import com.cruddur.messaging.adapter.http.error.RateLimited;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.BasicHttpAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Per-caller rate limits, after authentication and before anything is read or written: sends (and edits and
 * deletions, which share their bucket: each is a write of a message), mark-read,
 * typing signals, event tickets, blocks and unblocks per user ({@code sub} of the token), short-profile lookups per user or, anonymous, per
 * client address ({@link ClientAddresses}). Over a limit: 429 {@code ["rate_limited"]} with
 * {@code Retry-After}. A retried send counts like any other: it costs a store read to recognise it, and a
 * client that retries too fast is told when to come back (its first send is stored; the retry after the
 * wait answers it). Event streams are bounded per user where they are opened ({@code OpenStreams}).
 *
 * <p>Per instance: a caller whose requests the load balancer spreads over n instances gets up to n times
 * each limit. Shared buckets (in PostgreSQL) would make it exact at a database round trip per request and
 * tie every send to the database's availability; per instance bounds a flood as well, at no cost.
 */
@ServerFilter({"/api/messages", "/api/messages/*/*", "/api/message_groups/*/read", "/api/message_groups/*/typing", "/api/events/ticket",
        "/api/users/**"})
final class RateLimitFilter implements Ordered {
    private static final Map<String, String> LIMITED_ROUTES = Map.of(
            "POST /api/messages", "sends",
            "PATCH /api/messages/{message_group_uuid}/{message_uuid}", "sends",
            "DELETE /api/messages/{message_group_uuid}/{message_uuid}", "sends",
            "POST /api/message_groups/{message_group_uuid}/read", "mark-read",
            "POST /api/message_groups/{message_group_uuid}/typing", "typing",
            "POST /api/events/ticket", "tickets",
            "GET /api/users/@{handle}/short", "profile-lookups",
            "POST /api/users/@{handle}/block", "blocks",
            "DELETE /api/users/@{handle}/block", "blocks");

    private final Map<String, Quotas> quotas;
    private final Map<String, Counter> limited;
    private final ClientAddresses addresses;

    RateLimitFilter(List<RateLimit> limits, ClientAddresses addresses, MeterRegistry metrics) {
        this.quotas = limits.stream().collect(Collectors.toMap(RateLimit::name, Quotas::new));
        this.limited = limits.stream().collect(Collectors.toMap(RateLimit::name, limit -> Counter
                .builder("http.server.rate.limited").tag("limit", limit.name())
                .description("requests answered 429 rate_limited, by limit").register(metrics)));
        this.addresses = addresses;
        for (String name : LIMITED_ROUTES.values()) {
            if (!quotas.containsKey(name)) {
                throw new IllegalStateException("cruddur.rate-limits." + name + " is not set");
            }
        }
    }

    /** After authentication, so that the caller is known. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> limit(HttpRequest<?> request) {
        Optional<Quotas> quota = limitOf(request).map(quotas::get);
        if (quota.isEmpty()) {
            return null;
        }
        String caller = request.getUserPrincipal(Authentication.class).map(user -> "user " + user.getName())
                .orElseGet(() -> "address " + addresses.of(request));
        Optional<Duration> wait = quota.get().take(caller);
        if (wait.isEmpty()) {
            return null;
        }
        limited.get(quota.get().name()).increment();
        return RateLimited.response(wait.get());
    }

    /** The limit of a route, by its template (whatever the path's spelling, e.g. {@code %40} for {@code @}). */
    private static Optional<String> limitOf(HttpRequest<?> request) {
        return BasicHttpAttributes.getUriTemplate(request)
                .map(template -> LIMITED_ROUTES.get(request.getMethod() + " " + template));
    }
}
