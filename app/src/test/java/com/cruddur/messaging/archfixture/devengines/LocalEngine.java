package com.cruddur.messaging.archfixture.devengines;

import com.cruddur.messaging.archfixture.app.Settings;

/** Deliberate violation: a dev engine that depends on the service's code. */
public final class LocalEngine {
    private LocalEngine() {
    }

    public static int port() {
        return Settings.tableSize() + 8000;
    }
}
