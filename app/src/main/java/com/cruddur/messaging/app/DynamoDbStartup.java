package com.cruddur.messaging.app;

import com.cruddur.messaging.adapter.dynamodb.table.MessagesTable;
import com.cruddur.messaging.adapter.stream.StreamPoller;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** At start-up with the DynamoDB store: creates the table if asked to, then starts the stream poller if asked to. */
@Context
@Requires(property = StoreSelection.PROPERTY, value = "dynamodb")
class DynamoDbStartup {
    private static final Logger LOG = LoggerFactory.getLogger(DynamoDbStartup.class);

    DynamoDbStartup(DynamoDbConfiguration configuration, MessagesTable table, BeanProvider<StreamPoller> poller) {
        if (configuration.createTable() && table.create()) {
            LOG.info("created the DynamoDB table {}", table.name());
        }
        if (configuration.pollStream()) {
            poller.get().start();
        }
    }
}
