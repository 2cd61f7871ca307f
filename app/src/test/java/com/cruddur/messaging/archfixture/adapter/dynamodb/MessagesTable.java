package com.cruddur.messaging.archfixture.adapter.dynamodb;

import com.cruddur.messaging.archfixture.app.Settings;

/** Deliberate violation: an adapter that depends on the app module. */
public class MessagesTable {
    public int size() {
        return Settings.tableSize();
    }
}
