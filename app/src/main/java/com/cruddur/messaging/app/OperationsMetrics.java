package com.cruddur.messaging.app;

import com.cruddur.messaging.adapter.dynamodb.DynamoDbConversationStore;
import com.cruddur.messaging.adapter.dynamodb.table.DynamoDbFailures;
import com.cruddur.messaging.adapter.postgres.PostgresFailures;
import com.cruddur.messaging.adapter.postgres.events.PostgresEventBus;
import com.cruddur.messaging.adapter.stream.StreamPoller;
import com.cruddur.messaging.support.StoreReachability;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What the alerting rules ({@code deploy/prometheus/alerts.yml}) watch besides requests, admission and rate limits:
 * whether each store answers ({@code cruddur_store_reachable{store}}, 1 or 0, from the same reachability that writes
 * an outage's log lines), how far the in-process stream poller is behind the table
 * ({@code cruddur_stream_iterator_age_seconds}) and how many events wait to go out on PostgreSQL
 * ({@code cruddur_events_queued}, of {@code cruddur_events_queue_capacity}).
 */
@Factory
class OperationsMetrics {

    @Singleton
    @Requires(property = StoreSelection.PROPERTY, value = "dynamodb")
    MeterBinder dynamoDbReachable(DynamoDbConversationStore store) {
        return registry -> reachable(registry, DynamoDbFailures.STORE, store::reachability);
    }

    /**
     * The gauges below read their beans when scraped, not when bound: the registry is built before the beans they read
     * (the poller's use cases, the event bus and their pools need the registry themselves).
     */
    @Singleton
    @Requires(property = StoreSelection.PROPERTY, value = "dynamodb")
    @Requires(property = "cruddur.dynamodb.poll-stream", value = "true")
    MeterBinder streamPollerMetrics(BeanProvider<StreamPoller> poller) {
        return registry -> {
            reachable(registry, StreamPoller.STORE, () -> poller.get().reachability());
            TimeGauge.builder("cruddur.stream.iterator.age", () -> poller.get().iteratorAge().toMillis(),
                            TimeUnit.MILLISECONDS)
                    .description("age of the newest record of the poller's last batch; 0 once it has read them all")
                    .register(registry);
        };
    }

    @Singleton
    @Requires(property = "datasources.default.url")
    MeterBinder postgresReachable(BeanProvider<PostgresFailures> failures) {
        return registry -> reachable(registry, PostgresFailures.STORE, () -> failures.get().reachability());
    }

    @Singleton
    @Requires(property = StoreSelection.DIRECTORY_PROPERTY, value = "postgres")
    MeterBinder eventQueue(BeanProvider<PostgresEventBus> bus) {
        return registry -> {
            Gauge.builder("cruddur.events.queued", () -> bus.get().queuedEvents())
                    .description("events waiting to be sent as PostgreSQL notifications").register(registry);
            Gauge.builder("cruddur.events.queue.capacity", () -> PostgresEventBus.QUEUE_CAPACITY)
                    .description("events that may wait before a publisher is refused").register(registry);
        };
    }

    private static void reachable(MeterRegistry registry, String store, Supplier<StoreReachability> reachability) {
        Gauge.builder("cruddur.store.reachable", () -> reachability.get().reachable() ? 1 : 0)
                .tag("store", store)
                .description("1 while the store answers, 0 from a failed call until one succeeds").register(registry);
    }
}
