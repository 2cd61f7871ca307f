package com.cruddur.messaging.app;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.order.Ordered;
import io.micronaut.tracing.opentelemetry.xray.SdkClientBuilderListener;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.instrumentation.awssdk.v2_2.AwsSdkTelemetry;
import io.opentelemetry.instrumentation.jdbc.datasource.JdbcTelemetry;
import io.opentelemetry.sdk.trace.SpanProcessor;
import jakarta.inject.Singleton;
import javax.sql.DataSource;
import software.amazon.awssdk.core.client.builder.SdkClientBuilder;

/**
 * What the service adds to Micronaut Tracing when tracing is on ({@link Tracing}): JDBC statements as spans,
 * the DynamoDB calls' consumed capacity on their spans, and no credential in a request's query. (The HTTP
 * server spans and the use case spans of {@link MessagingFactory} are Micronaut Tracing's own.)
 */
@Factory
@Requires(beans = OpenTelemetry.class)
class TracingFactory {

    @Singleton
    SpanProcessor queryRedaction() {
        return new QueryRedaction();
    }

    /**
     * Micronaut Tracing's AWS SDK interceptor, with the attributes OpenTelemetry still calls experimental:
     * among them {@code aws.dynamodb.consumed_capacity}, the bill of each call. None holds an item's values.
     */
    @Singleton
    @Replaces(SdkClientBuilderListener.class)
    BeanCreatedEventListener<SdkClientBuilder<?, ?>> tracedAwsCalls(BeanProvider<OpenTelemetry> openTelemetry) {
        return (BeanCreatedEvent<SdkClientBuilder<?, ?>> event) -> event.getBean().overrideConfiguration(
                event.getBean().overrideConfiguration().toBuilder()
                        .addExecutionInterceptor(AwsSdkTelemetry.builder(openTelemetry.get())
                                .setCaptureExperimentalSpanAttributes(true).build().newExecutionInterceptor())
                        .build());
    }

    @Singleton
    BeanCreatedEventListener<DataSource> tracedStatements(BeanProvider<OpenTelemetry> openTelemetry) {
        return new TracedStatements(openTelemetry);
    }

    /**
     * A span per statement with its SQL text, literals sanitized and no parameter captured: no message text.
     * It wraps the pool itself, before Micronaut Data wraps it for its connection management, so that every
     * user of the pool (repositories, transactions, Flyway) goes through it.
     */
    private record TracedStatements(BeanProvider<OpenTelemetry> openTelemetry)
            implements BeanCreatedEventListener<DataSource>, Ordered {
        @Override
        public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
            return JdbcTelemetry.builder(openTelemetry.get())
                    .setStatementSanitizationEnabled(true)
                    .setCaptureQueryParameters(false)
                    .setDataSourceInstrumenterEnabled(false)
                    .build()
                    .wrap(event.getBean());
        }

        @Override
        public int getOrder() {
            return HIGHEST_PRECEDENCE;
        }
    }
}
