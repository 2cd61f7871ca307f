package com.cruddur.messaging.app.e2e;

/** The journey on the DynamoDB store: summaries move through the table's stream and the in-process poller. */
class DynamoDbJourneyTest extends JourneyTest {
    @Override
    String store() {
        return "dynamodb";
    }
}
