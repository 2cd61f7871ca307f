package com.cruddur.messaging.app;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import java.util.List;

/**
 * Checks {@code cruddur.store} at start-up, so that a typo stops the service with a message naming
 * the setting instead of a missing-bean error later.
 */
@Context
class StoreSelection {
    static final String PROPERTY = "cruddur.store";
    static final List<String> SUPPORTED = List.of("memory");

    StoreSelection(@Value("${" + PROPERTY + "}") String store) {
        if (!SUPPORTED.contains(store)) {
            throw new ConfigurationException(
                    PROPERTY + " must be one of " + SUPPORTED + " but is '" + store + "'");
        }
    }
}
