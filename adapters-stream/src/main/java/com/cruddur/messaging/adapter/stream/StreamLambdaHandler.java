package com.cruddur.messaging.adapter.stream;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.util.List;

/**
 * The stream consumer as an AWS Lambda function on the table's stream, with
 * {@code FunctionResponseTypes: ReportBatchItemFailures}: a {@code DynamodbEvent} in, the first failed record
 * out. Scale-out and checkpoints are the event-source mapping's. The function Lambda calls, with its wiring,
 * is the stream-lambda module's.
 */
public final class StreamLambdaHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    private final MessageProjector projector;

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
}
