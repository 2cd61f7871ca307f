package com.cruddur.messaging.app;

import com.cruddur.messaging.adapter.dynamodb.DynamoDbClients;
import com.cruddur.messaging.adapter.dynamodb.DynamoDbConversationStore;
import com.cruddur.messaging.adapter.dynamodb.DynamoDbSettings;
import com.cruddur.messaging.adapter.dynamodb.table.CapacityLog;
import com.cruddur.messaging.adapter.dynamodb.table.MessagesTable;
import com.cruddur.messaging.adapter.stream.MessageProjector;
import com.cruddur.messaging.adapter.stream.StreamPoller;
import com.cruddur.messaging.domain.application.port.in.ProjectMessageUseCase;
import com.cruddur.messaging.domain.application.port.in.ProjectReadMarkersUseCase;
import com.cruddur.messaging.domain.application.port.out.ConversationStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.providers.AwsRegionProviderChain;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * {@code cruddur.store=dynamodb}: conversations in {@code cruddur-messages}. The DynamoDB client is
 * micronaut-aws-sdk-v2's (region, credentials chain, {@code aws.services.dynamodb.endpoint-override}),
 * bounded here by {@link DynamoDbConfiguration}; the streams client shares its region, credentials and endpoint.
 */
@Factory
@Requires(property = StoreSelection.PROPERTY, value = "dynamodb")
class DynamoDbStoreFactory {

    @Singleton
    DynamoDbSettings dynamoDbSettings(DynamoDbConfiguration configuration, AwsRegionProviderChain region,
                                      @Value("${aws.services.dynamodb.endpoint-override:}") String endpoint) {
        return new DynamoDbSettings(region.getRegion().id(),
                endpoint.isBlank() ? Optional.empty() : Optional.of(URI.create(endpoint)), configuration.table(),
                configuration.connectTimeout(), configuration.attemptTimeout(), configuration.callTimeout(),
                configuration.maxAttempts());
    }

    @Singleton
    BeanCreatedEventListener<DynamoDbClientBuilder> boundedDynamoDbCalls(DynamoDbConfiguration configuration) {
        return new BoundedCalls(new DynamoDbSettings("unused", Optional.empty(), configuration.table(),
                configuration.connectTimeout(), configuration.attemptTimeout(), configuration.callTimeout(),
                configuration.maxAttempts()));
    }

    /**
     * Puts the time and retry bounds on the client micronaut-aws-sdk-v2 builds. It runs after every other
     * listener (e.g. Micronaut Tracing's, which adds its interceptor) and keeps what they configured: the SDK
     * replaces a client's whole override configuration on each call.
     */
    private record BoundedCalls(DynamoDbSettings bounds)
            implements BeanCreatedEventListener<DynamoDbClientBuilder>, Ordered {
        @Override
        public DynamoDbClientBuilder onCreated(BeanCreatedEvent<DynamoDbClientBuilder> event) {
            DynamoDbClientBuilder builder = event.getBean();
            ClientOverrideConfiguration.Builder overrides = builder.overrideConfiguration().toBuilder();
            DynamoDbClients.bound(overrides, bounds);
            return builder.overrideConfiguration(overrides.build());
        }

        @Override
        public int getOrder() {
            return LOWEST_PRECEDENCE;
        }
    }

    /**
     * The capacity each store call consumed, as {@code dynamodb_consumed_capacity_units_total{operation,kind}}
     * in /prometheus: the DynamoDB bill per operation, live (the operation names are the capacity table's).
     */
    @Singleton
    CapacityLog capacityLog(BeanProvider<MeterRegistry> registry) {
        return new CapacityLog(new CapacityMetrics(registry));
    }

    @Singleton
    MessagesTable messagesTable(DynamoDbClient client, DynamoDbSettings settings) {
        return new MessagesTable(client, settings.tableName());
    }

    @Singleton
    DynamoDbConversationStore conversationStore(DynamoDbClient client, DynamoDbSettings settings, CapacityLog capacity) {
        return new DynamoDbConversationStore(client, settings.tableName(), capacity);
    }

    /** The store's in-process caches in /prometheus: Caffeine's own meters (gets by hit/miss, size, evictions) and the hit ratio. */
    @Singleton
    MeterBinder storeCacheMetrics(DynamoDbConversationStore store) {
        return registry -> store.caches().forEach((name, cache) -> {
            CaffeineCacheMetrics.monitor(registry, cache, name);
            Gauge.builder("dynamodb.cache.hit.ratio", cache, c -> c.stats().hitRate()).tag("cache", name)
                    .description("hits / (hits + misses) of an in-process cache of the DynamoDB store").register(registry);
        });
    }

    @Singleton
    @Bean(preDestroy = "close")
    DynamoDbStreamsClient streamsClient(DynamoDbSettings settings, AwsCredentialsProviderChain credentials) {
        return DynamoDbClients.streams(settings, credentials);
    }

    @Singleton
    MessageProjector messageProjector(ProjectMessageUseCase projectMessage, ProjectReadMarkersUseCase projectReadMarkers) {
        return new MessageProjector(projectMessage, projectReadMarkers);
    }

    /** Created only when the stream is polled in-process; see {@link DynamoDbStartup}. Stopped before its client closes. */
    @Singleton
    @Bean(preDestroy = "close")
    StreamPoller streamPoller(DynamoDbStreamsClient streams, MessagesTable table, MessageProjector projector,
                              DynamoDbConfiguration configuration) {
        String streamArn = table.streamArn().orElseThrow(() -> new IllegalStateException(
                "the table " + table.name() + " has no stream; the poller needs one (StreamViewType NEW_IMAGE)"));
        return new StreamPoller(streams, streamArn, projector, configuration.pollInterval());
    }
}
