package com.cruddur.messaging.app;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code cruddur.dynamodb.*}: the table and the bounds of every DynamoDB call. Region, credentials
 * and endpoint come from micronaut-aws-sdk-v2's {@code aws.*} settings.
 *
 * @param createTable create the table at start-up if missing (dev; production tables are provisioned)
 * @param pollStream  run the in-process stream poller (single node); production uses the Lambda
 */
@ConfigurationProperties("cruddur.dynamodb")
record DynamoDbConfiguration(
        @Bindable(defaultValue = "cruddur-messages") String table,
        @Bindable(defaultValue = "1s") Duration connectTimeout,
        @Bindable(defaultValue = "2s") Duration attemptTimeout,
        @Bindable(defaultValue = "5s") Duration callTimeout,
        @Bindable(defaultValue = "3") int maxAttempts,
        @Bindable(defaultValue = "false") boolean createTable,
        @Bindable(defaultValue = "false") boolean pollStream,
        @Bindable(defaultValue = "100ms") Duration pollInterval) {
}
