package com.cruddur.messaging.adapter.dynamodb;

import com.cruddur.messaging.domain.application.port.out.ConversationStore;
import com.cruddur.messaging.domain.contract.ConversationStoreContract;

/** The domain's contract, unchanged, against DynamoDB Local. */
class DynamoDbConversationStoreTest extends ConversationStoreContract {
    private static final DynamoDbConversationStore STORE = DynamoDbEngine.store(new CapacityLog());

    @Override
    protected ConversationStore store() {
        return STORE;
    }
}
