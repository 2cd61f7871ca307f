package com.cruddur.messaging.adapter.dynamodb;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stream consumer as an AWS Lambda function on the table's stream, with
 * {@code FunctionResponseTypes: ReportBatchItemFailures}. Scale-out and checkpoints are the
 * event-source mapping's. Built without a DI container to keep cold starts short.
 *
 * <p>Environment: {@code AWS_REGION} (set by Lambda), {@code CRUDDUR_MESSAGES_TABLE} (default
 * {@code cruddur-messages}), optionally {@code AWS_ENDPOINT_URL_DYNAMODB}.
 */
public final class StreamLambdaHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    /** The environment variable naming the table (deploy/cruddur-messaging.yaml sets it). */
    public static final String TABLE_VARIABLE = "CRUDDUR_MESSAGES_TABLE";
    private final MessageProjector projector;

    /** The constructor Lambda calls. */
    public StreamLambdaHandler() {
        this(fromEnvironment(System.getenv()));
    }

    public StreamLambdaHandler(MessageProjector projector) {
        this.projector = projector;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        List<ChangeRecord> batch = event.getRecords() == null ? List.of()
                : event.getRecords().stream().map(ChangeRecord::of).toList();
        MessageProjector.BatchResult result = projector.handle(batch);
        return new StreamsEventResponse(result.failedAt()
                .map(sequenceNumber -> List.of(new StreamsEventResponse.BatchItemFailure(sequenceNumber)))
                .orElse(List.of()));
    }

    static MessageProjector fromEnvironment(Map<String, String> env) {
        DynamoDbSettings settings = DynamoDbSettings.aws(env.getOrDefault("AWS_REGION", "us-east-1"),
                Optional.ofNullable(env.get("AWS_ENDPOINT_URL_DYNAMODB")).map(URI::create))
                .withTableName(env.getOrDefault(TABLE_VARIABLE, DynamoDbSettings.DEFAULT_TABLE));
        var store = new DynamoDbConversationStore(DynamoDbClients.dynamoDb(settings), settings.tableName(),
                new CapacityLog());
        return MessageProjector.of(store);
    }
}
