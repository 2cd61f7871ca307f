package com.cruddur.messaging.app;

import io.micronaut.runtime.Micronaut;

/** Starts Cruddur Messaging. */
public final class Application {
    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
