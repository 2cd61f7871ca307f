package com.cruddur.messaging.adapter.dynamodb;

import com.cruddur.messaging.adapter.dynamodb.table.CapacityLog;
import com.cruddur.messaging.domain.application.port.out.ConversationStore;
import com.cruddur.messaging.domain.contract.ConversationStoreContract;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The domain's contract, unchanged, against DynamoDB Local. */
class DynamoDbConversationStoreTest extends ConversationStoreContract {
    private static final DynamoDbConversationStore STORE = DynamoDbEngine.store(new CapacityLog());

    @Override
    protected ConversationStore store() {
        return STORE;
    }

    @Override
    protected boolean holdsText(String text) {
        return anyItemHolds(text);
    }

    /** Every item of the table, every string attribute (message rows, summaries, claims, members records). */
    static boolean anyItemHolds(String text) {
        return DynamoDbEngine.CLIENT.scanPaginator(scan -> scan.tableName(DynamoDbEngine.TABLE.name())).items().stream()
                .flatMap(item -> item.values().stream())
                .map(AttributeValue::s)
                .anyMatch(value -> value != null && value.contains(text));
    }
}
