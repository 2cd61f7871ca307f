package com.cruddur.messaging.app;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import java.util.List;

/**
 * Checks {@code cruddur.store} and {@code cruddur.directory} at start-up, so that a typo stops the
 * service with a message naming the setting instead of a missing-bean error later.
 */
@Context
class StoreSelection {
    static final String PROPERTY = "cruddur.store";
    static final String DIRECTORY_PROPERTY = "cruddur.directory";
    static final List<String> STORES = List.of("dynamodb", "postgres", "memory");
    static final List<String> DIRECTORIES = List.of("postgres", "memory");

    StoreSelection(@Value("${" + PROPERTY + "}") String store, @Value("${" + DIRECTORY_PROPERTY + "}") String directory) {
        check(PROPERTY, STORES, store);
        check(DIRECTORY_PROPERTY, DIRECTORIES, directory);
    }

    private static void check(String property, List<String> supported, String value) {
        if (!supported.contains(value)) {
            throw new ConfigurationException(property + " must be one of " + supported + " but is '" + value + "'");
        }
    }
}
