package com.cruddur.messaging.adapter.postgres;

import com.cruddur.messaging.adapter.postgres.conversations.PostgresConversationStore;
import com.cruddur.messaging.domain.contract.ErasuresContract;

/** The domain's contract, unchanged, against a real PostgreSQL. */
class PostgresErasuresTest extends ErasuresContract {

    @Override
    @SuppressWarnings("unchecked")
    protected PostgresConversationStore store() {
        return PostgresEngine.store();
    }

    @Override
    protected boolean holdsText(String text) {
        return PostgresConversationStoreTest.anyRowHolds(text);
    }
}
