package com.cruddur.messaging.app.e2e;

/** The journey on the PostgreSQL store: summaries move in the message's own transaction. */
class PostgresJourneyTest extends JourneyTest {
    @Override
    String store() {
        return "postgres";
    }
}
