package com.cruddur.messaging.archfixture.support;

import com.cruddur.messaging.archfixture.adapter.dynamodb.MessagesTable;

/** Deliberate violation: the adapters' shared support depending on one adapter. */
public class LeakySupport {
    public int rows(MessagesTable table) {
        return table.size();
    }
}
