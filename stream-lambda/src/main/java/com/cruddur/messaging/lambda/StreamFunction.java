package com.cruddur.messaging.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.cruddur.messaging.adapter.dynamodb.DynamoDbClients;
import com.cruddur.messaging.adapter.dynamodb.DynamoDbConversationStore;
import com.cruddur.messaging.adapter.dynamodb.DynamoDbSettings;
import com.cruddur.messaging.adapter.dynamodb.table.CapacityLog;
import com.cruddur.messaging.adapter.stream.MessageProjector;
import com.cruddur.messaging.adapter.stream.StreamLambdaHandler;
import com.cruddur.messaging.domain.application.usecase.ProjectMessage;
import com.cruddur.messaging.domain.application.usecase.ProjectReadMarkers;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * The class AWS Lambda runs ({@code deploy/cruddur-messaging.yaml}: {@code Handler}): the stream consumer's Lambda
 * runner composed with the DynamoDB store and the projection use cases — this module's wiring, as app's is the
 * service's. Built by hand, without a DI container, to keep cold starts short.
 *
 * <p>Environment: {@code AWS_REGION} (set by Lambda), {@code CRUDDUR_MESSAGES_TABLE} (default
 * {@code cruddur-messages}), optionally {@code AWS_ENDPOINT_URL_DYNAMODB}.
 */
public final class StreamFunction implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    /** The environment variable naming the table (deploy/cruddur-messaging.yaml sets it). */
    public static final String TABLE_VARIABLE = "CRUDDUR_MESSAGES_TABLE";
    private final StreamLambdaHandler handler;

    /** The constructor Lambda calls. */
    public StreamFunction() {
        this(System.getenv());
    }

    StreamFunction(Map<String, String> environment) {
        this.handler = new StreamLambdaHandler(projector(environment));
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return handler.handleRequest(event, context);
    }

    static MessageProjector projector(Map<String, String> environment) {
        DynamoDbSettings settings = DynamoDbSettings.aws(environment.getOrDefault("AWS_REGION", "us-east-1"),
                        Optional.ofNullable(environment.get("AWS_ENDPOINT_URL_DYNAMODB")).map(URI::create))
                .withTableName(environment.getOrDefault(TABLE_VARIABLE, DynamoDbSettings.DEFAULT_TABLE));
        var store = new DynamoDbConversationStore(DynamoDbClients.dynamoDb(settings), settings.tableName(), new CapacityLog());
        return new MessageProjector(new ProjectMessage(store), new ProjectReadMarkers(store));
    }
}
