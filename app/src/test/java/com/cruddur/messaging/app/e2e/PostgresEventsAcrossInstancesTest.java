package com.cruddur.messaging.app.e2e;

class PostgresEventsAcrossInstancesTest extends EventsAcrossInstancesTest {
    @Override
    String store() {
        return "postgres";
    }
}
