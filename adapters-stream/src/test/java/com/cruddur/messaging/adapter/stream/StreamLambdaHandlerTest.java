package com.cruddur.messaging.adapter.stream;

import static com.cruddur.messaging.adapter.dynamodb.Conversations.at;
import static com.cruddur.messaging.adapter.dynamodb.Conversations.draft;
import static com.cruddur.messaging.adapter.dynamodb.Conversations.summariesOf;
import static com.cruddur.messaging.adapter.stream.Records.nextSequenceNumber;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.cruddur.messaging.adapter.dynamodb.Conversations;
import com.cruddur.messaging.adapter.dynamodb.DynamoDbConversationStore;
import com.cruddur.messaging.adapter.dynamodb.DynamoDbEngine;
import com.cruddur.messaging.adapter.dynamodb.TableItems;
import com.cruddur.messaging.adapter.dynamodb.table.CapacityLog;
import com.cruddur.messaging.domain.application.usecase.ProjectReadMarkers;
import com.cruddur.messaging.domain.error.StoreUnavailableException;
import com.cruddur.messaging.domain.model.GroupSummary;
import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.MessageGroup;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Lambda runner: a {@code DynamodbEvent} in, {@code batchItemFailures} out, summaries moved in DynamoDB Local. */
class StreamLambdaHandlerTest {
    private final DynamoDbConversationStore store = DynamoDbEngine.store(new CapacityLog());

    @Test
    void projectsEveryMessageInsertOfTheEventAndReportsNoFailure() {
        MessageGroup group = Conversations.start(store);
        Message one = store.append(group.id(), draft(group.first(), "one", at(1_000)));
        Message two = store.append(group.id(), draft(group.second(), "two", at(2_000)));
        var handler = new StreamLambdaHandler(Records.projectorOf(store));

        StreamsEventResponse response = handler.handleRequest(event(
                record("INSERT", TableItems.message(one)),
                record("REMOVE", Map.of()),
                record("INSERT", TableItems.message(two)),
                record("MODIFY", TableItems.originalSummary(new GroupSummary(group.first().id(), group.id(), group.second(), "x",
                        at(50_000))))), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(summariesOf(store, group.first())).extracting(GroupSummary::lastMessage).containsExactly("two");
        assertThat(summariesOf(store, group.second())).extracting(GroupSummary::lastMessage).containsExactly("two");
    }

    @Test
    void namesTheFirstFailedRecordSoLambdaRetriesFromIt() {
        MessageGroup group = Conversations.start(store);
        Message one = store.append(group.id(), draft(group.first(), "one", at(1_000)));
        var handler = new StreamLambdaHandler(new MessageProjector(command -> {
            throw new StoreUnavailableException("DynamoDB", new IllegalStateException("timed out"));
        }, new ProjectReadMarkers(store)));
        DynamodbEvent.DynamodbStreamRecord failing = record("INSERT", TableItems.message(one));

        StreamsEventResponse response = handler.handleRequest(event(record("REMOVE", Map.of()), failing), null);

        assertThat(response.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly(failing.getDynamodb().getSequenceNumber());
    }

    private static DynamodbEvent event(DynamodbEvent.DynamodbStreamRecord... records) {
        var event = new DynamodbEvent();
        event.setRecords(List.of(records));
        return event;
    }

    private static DynamodbEvent.DynamodbStreamRecord record(
            String eventName, Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item) {
        Map<String, AttributeValue> image = new HashMap<>();
        item.forEach((name, value) -> image.put(name, new AttributeValue().withS(value.s())));
        var change = new StreamRecord();
        change.setSequenceNumber(nextSequenceNumber());
        change.setNewImage(image.isEmpty() ? null : image);
        var record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventName(eventName);
        record.setDynamodb(change);
        return record;
    }
}
