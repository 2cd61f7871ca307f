package com.cruddur.messaging.app;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreSelectionTest {

    @Test
    void anUnknownStoreStopsStartUpNamingTheSetting() {
        assertThatThrownBy(() -> {
            try (var context = ApplicationContext.run(Map.of("cruddur.store", "mongodb"), "test")) {
                context.getBean(StoreSelection.class);
            }
        }).hasStackTraceContaining("cruddur.store must be one of [dynamodb, postgres, memory] but is 'mongodb'");
    }
}
