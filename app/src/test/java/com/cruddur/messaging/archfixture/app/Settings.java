package com.cruddur.messaging.archfixture.app;

/** Stands in for the app module of the fixture. */
public final class Settings {
    private Settings() {
    }

    public static int tableSize() {
        return 1;
    }
}
