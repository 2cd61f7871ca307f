package com.cruddur.messaging.adapter.http.health;

import com.cruddur.messaging.domain.application.port.out.ConversationStore;
import com.cruddur.messaging.domain.application.port.out.UserDirectory;
import com.cruddur.messaging.domain.error.OverloadedException;
import com.cruddur.messaging.domain.error.StoreUnavailableException;
import com.cruddur.messaging.domain.model.PageRequest;
import com.cruddur.messaging.domain.model.UserId;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Readiness of both stores, by a cheap read through each port (a user nobody is): DOWN, naming
 * the store, when one cannot serve.
 */
@Singleton
class StoresHealthIndicator extends AbstractHealthIndicator<Map<String, String>> {
    private static final UserId NOBODY = new UserId(new UUID(0, 0));

    private final ConversationStore conversations;
    private final UserDirectory directory;

    StoresHealthIndicator(ConversationStore conversations, UserDirectory directory) {
        this.conversations = conversations;
        this.directory = directory;
    }

    @Override
    protected Map<String, String> getHealthInformation() {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("conversations", probe(() -> conversations.summaries(NOBODY, PageRequest.first(1))));
        details.put("users", probe(() -> directory.byId(NOBODY)));
        healthStatus = details.values().stream().allMatch("UP"::equals) ? HealthStatus.UP : HealthStatus.DOWN;
        return details;
    }

    private static String probe(Runnable read) {
        try {
            read.run();
            return "UP";
        } catch (StoreUnavailableException e) {
            return "DOWN: " + e.store() + " is unavailable";
        } catch (OverloadedException e) {
            return "UP"; // it answers; this instance is only busy
        }
    }

    @Override
    protected String getName() {
        return "stores";
    }
}
