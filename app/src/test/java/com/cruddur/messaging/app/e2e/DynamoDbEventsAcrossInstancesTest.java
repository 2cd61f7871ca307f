package com.cruddur.messaging.app.e2e;

class DynamoDbEventsAcrossInstancesTest extends EventsAcrossInstancesTest {
    @Override
    String store() {
        return "dynamodb";
    }
}
