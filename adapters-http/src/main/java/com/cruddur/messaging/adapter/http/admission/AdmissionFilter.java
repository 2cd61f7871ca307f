package com.cruddur.messaging.adapter.http.admission;

import com.cruddur.messaging.adapter.http.error.Overloaded;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * Bounded work per instance: every API request but the long-lived event streams passes {@link Admission}
 * before anything else is done for it (after CORS and the metrics, before authentication), so a flood is
 * answered 503 {@code ["overloaded"]} with {@code Retry-After} in well under 50 ms, writes nothing, and
 * never takes a worker thread or a store connection. The limit adapts to the answers' latency up to
 * {@code cruddur.admission.limit}, from which the store clients' pools are sized (application.yml), so an
 * admitted request never waits for a connection. In the metrics: {@code http_server_admission_in_flight},
 * {@code _limit} (now), {@code _maximum} and {@code _shed_total}.
 */
@Filter("/api/**")
final class AdmissionFilter implements HttpServerFilter {
    private final Admission admission;

    AdmissionFilter(@Value("${cruddur.admission.limit:32}") int limit,
                    @Value("${cruddur.admission.patience:50ms}") Duration patience, MeterRegistry metrics) {
        this.admission = Admission.adaptive(limit, patience);
        Gauge.builder("http.server.admission.in.flight", admission, Admission::inHand)
                .description("API requests being handled now").register(metrics);
        Gauge.builder("http.server.admission.limit", admission, Admission::limit)
                .description("API requests handled at once at most now (adaptive, up to the maximum)").register(metrics);
        Gauge.builder("http.server.admission.maximum", admission, Admission::maximum)
                .description("the most the adaptive limit may reach (cruddur.admission.limit)").register(metrics);
        FunctionCounter.builder("http.server.admission.shed", admission, Admission::turnedAway)
                .description("API requests answered 503 overloaded without being handled").register(metrics);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        if (isEventStream(request)) {
            return chain.proceed(request);
        }
        CompletableFuture<Optional<Admission.Place>> entry = admission.enter();
        // Whoever comes first settles the place: the request going on (it leaves when done), or a cancel
        // while it was still waiting (it withdraws). Never both, so a place is given back exactly once.
        AtomicBoolean settled = new AtomicBoolean();
        return Mono.fromFuture(entry)
                .doOnCancel(() -> {
                    if (settled.compareAndSet(false, true)) {
                        admission.withdraw(entry);
                    }
                })
                .flatMap(place -> {
                    if (place.isPresent() && settled.compareAndSet(false, true)) {
                        return Mono.from(chain.proceed(request))
                                .doFinally(signal -> admission.leave(place.get(), signal == SignalType.ON_COMPLETE));
                    }
                    return Mono.<MutableHttpResponse<?>>just(Overloaded.response());
                });
    }

    /** Hours long, and bounded per user by the streams themselves, not by the request limit. */
    private static boolean isEventStream(HttpRequest<?> request) {
        return request.getMethod() == HttpMethod.GET && request.getPath().equals("/api/events");
    }

    @PreDestroy
    void close() {
        admission.close();
    }
}
