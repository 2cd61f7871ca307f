package com.cruddur.messaging.archfixture.adapter.http;

import com.cruddur.messaging.archfixture.adapter.dynamodb.MessagesTable;

/** Deliberate violation: the HTTP adapter calls the DynamoDB adapter directly. */
public class MessagesController {
    public int count(MessagesTable table) {
        return table.size();
    }
}
