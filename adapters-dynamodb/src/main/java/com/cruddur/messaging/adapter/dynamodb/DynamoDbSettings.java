package com.cruddur.messaging.adapter.dynamodb;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach DynamoDB. Every call is bounded: {@code attemptTimeout} per HTTP attempt, at most
 * {@code maxAttempts} attempts (the SDK's standard retries with jittered backoff, which also retry
 * throttling), and {@code callTimeout} for the whole call including retries.
 *
 * @param endpoint empty for AWS itself; set for DynamoDB Local
 */
public record DynamoDbSettings(String region, Optional<URI> endpoint, String tableName, Duration connectTimeout,
                               Duration attemptTimeout, Duration callTimeout, int maxAttempts) {
    public static final String DEFAULT_TABLE = "cruddur-messages";

    public DynamoDbSettings {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(tableName, "tableName");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(attemptTimeout, "attemptTimeout");
        Objects.requireNonNull(callTimeout, "callTimeout");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts is at least 1");
        }
    }

    /** AWS in a region (or another endpoint), with the bounds of a latency-sensitive service. */
    public static DynamoDbSettings aws(String region, Optional<URI> endpoint) {
        return new DynamoDbSettings(region, endpoint, DEFAULT_TABLE, Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(5), 3);
    }

    /** DynamoDB Local on this machine. */
    public static DynamoDbSettings local(URI endpoint) {
        return aws("us-east-1", Optional.of(endpoint));
    }

    public DynamoDbSettings withTableName(String name) {
        return new DynamoDbSettings(region, endpoint, name, connectTimeout, attemptTimeout, callTimeout, maxAttempts);
    }

    public DynamoDbSettings withTimeouts(Duration attempt, Duration call, int attempts) {
        return new DynamoDbSettings(region, endpoint, tableName, connectTimeout, attempt, call, attempts);
    }
}
