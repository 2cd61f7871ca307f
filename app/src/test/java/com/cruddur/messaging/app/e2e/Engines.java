package com.cruddur.messaging.app.e2e;

import java.net.URI;

/**
 * The real engines an end-to-end run uses, whichever provides them, and the faults a test can
 * cause: each engine can be stopped and started again with its data.
 */
interface Engines {

    String description();

    URI dynamoDbEndpoint();

    String jdbcUrl();

    String jdbcUser();

    String jdbcPassword();

    void stopDynamoDb();

    void startDynamoDb();

    void stopPostgres();

    void startPostgres();
}
