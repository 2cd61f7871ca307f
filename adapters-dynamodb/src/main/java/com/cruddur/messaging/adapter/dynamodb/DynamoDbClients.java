package com.cruddur.messaging.adapter.dynamodb;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** Builds DynamoDB and DynamoDB Streams clients with the bounded timeouts and retries of {@link DynamoDbSettings}. */
public final class DynamoDbClients {
    /**
     * Arms and disarms the two timeouts of every call. The SDK's own pool keeps a cancelled timeout queued
     * until it would have fired, so each call woke a thread twice, seconds later, for nothing; this one
     * drops a timeout as soon as its call ends. One daemon thread serves every client of the process.
     */
    private static final ScheduledExecutorService CALL_TIMEOUTS = callTimeouts();

    private DynamoDbClients() {
    }

    public static DynamoDbClient dynamoDb(DynamoDbSettings settings) {
        return dynamoDb(settings, urlConnection(settings));
    }

    /** The same client over another HTTP client, e.g. the Apache one the service's Micronaut-built client uses. */
    public static DynamoDbClient dynamoDb(DynamoDbSettings settings, SdkHttpClient.Builder<?> http) {
        return configure(DynamoDbClient.builder(), settings, credentials(settings), http).build();
    }

    public static DynamoDbStreamsClient streams(DynamoDbSettings settings) {
        return streams(settings, credentials(settings));
    }

    /** A streams client that shares the credentials of an already configured DynamoDB client. */
    public static DynamoDbStreamsClient streams(DynamoDbSettings settings, AwsCredentialsProvider credentials) {
        return configure(DynamoDbStreamsClient.builder(), settings, credentials, urlConnection(settings)).build();
    }

    /** The time and retry bounds of every call. */
    public static ClientOverrideConfiguration overrides(DynamoDbSettings settings) {
        ClientOverrideConfiguration.Builder overrides = ClientOverrideConfiguration.builder();
        bound(overrides, settings);
        return overrides.build();
    }

    /**
     * Adds the bounds to the configuration of a client built elsewhere (e.g. by Micronaut), keeping what
     * others added to it (e.g. the tracing interceptor).
     */
    public static void bound(ClientOverrideConfiguration.Builder overrides, DynamoDbSettings settings) {
        overrides.apiCallAttemptTimeout(settings.attemptTimeout())
                .apiCallTimeout(settings.callTimeout())
                .retryStrategy(retry -> retry.maxAttempts(settings.maxAttempts()))
                .scheduledExecutorService(CALL_TIMEOUTS);
    }

    private static ScheduledExecutorService callTimeouts() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "dynamodb-call-timeouts");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    private static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(
            B builder, DynamoDbSettings settings, AwsCredentialsProvider credentials, SdkHttpClient.Builder<?> http) {
        builder.region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                .httpClientBuilder(http)
                .overrideConfiguration(overrides(settings));
        settings.endpoint().ifPresent(builder::endpointOverride);
        return builder;
    }

    private static SdkHttpClient.Builder<?> urlConnection(DynamoDbSettings settings) {
        return UrlConnectionHttpClient.builder().connectionTimeout(settings.connectTimeout()).socketTimeout(settings.attemptTimeout());
    }

    /** AWS's default chain in production; DynamoDB Local accepts any key, so it gets a fixed dummy one. */
    private static AwsCredentialsProvider credentials(DynamoDbSettings settings) {
        boolean local = settings.endpoint().map(uri -> "localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost()))
                .orElse(false);
        return local ? StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))
                : DefaultCredentialsProvider.builder().build();
    }
}
