package com.cruddur.messaging.app;

import java.util.List;
import java.util.Map;

/**
 * What production must be given, all from the environment (application-prod.yml reads them).
 * Checked before start-up, so that a missing one stops the service with its name, not a stack trace.
 */
final class ProductionSettings {
    static final List<String> REQUIRED = List.of(
            "AWS_REGION",
            "CRUDDUR_FRONTEND_ORIGIN",
            "CRUDDUR_COGNITO_REGION",
            "CRUDDUR_COGNITO_USER_POOL_ID",
            "CRUDDUR_COGNITO_CLIENT_ID",
            "CRUDDUR_JDBC_URL",
            "CRUDDUR_JDBC_USER",
            "CRUDDUR_JDBC_PASSWORD");

    private ProductionSettings() {
    }

    static List<String> missing(Map<String, String> environment) {
        return REQUIRED.stream()
                .filter(name -> environment.get(name) == null || environment.get(name).isBlank())
                .toList();
    }
}
