package com.cruddur.messaging.adapter.dynamodb;

import com.cruddur.messaging.adapter.dynamodb.table.CapacityLog;
import com.cruddur.messaging.domain.contract.ErasuresContract;

/** The domain's contract, unchanged, against DynamoDB Local. */
class DynamoDbErasuresTest extends ErasuresContract {
    private static final DynamoDbConversationStore STORE = DynamoDbEngine.store(new CapacityLog());

    @Override
    @SuppressWarnings("unchecked")
    protected DynamoDbConversationStore store() {
        return STORE;
    }

    @Override
    protected boolean holdsText(String text) {
        return DynamoDbConversationStoreTest.anyItemHolds(text);
    }
}
