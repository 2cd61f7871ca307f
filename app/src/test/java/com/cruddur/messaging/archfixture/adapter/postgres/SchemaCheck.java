package com.cruddur.messaging.archfixture.adapter.postgres;

import com.cruddur.messaging.archfixture.devengines.LocalEngine;

/** Deliberate violation: an adapter's production code that starts a dev engine. */
public class SchemaCheck {
    public int port() {
        return LocalEngine.port();
    }
}
