package com.cruddur.messaging.adapter.postgres;

import com.cruddur.messaging.domain.application.port.out.ConversationStore;
import com.cruddur.messaging.domain.contract.ConversationStoreContract;

/** The domain's contract, unchanged, against a real PostgreSQL. */
class PostgresConversationStoreTest extends ConversationStoreContract {

    @Override
    protected ConversationStore store() {
        return PostgresEngine.store();
    }
}
