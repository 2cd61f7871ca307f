package com.cruddur.messaging.app.e2e;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One provider of engines for the whole end-to-end suite, chosen explicitly with {@code -De2e.engines}:
 * {@code embedded} (the default, the README's test command) or {@code containers} (Testcontainers; CI runs
 * it after the README's command). Never chosen by whether a Docker engine happens to answer. Which one is
 * logged and printed; engines that cannot start fail every test of the suite — it never skips.
 */
final class EngineProvider {
    static final String PROPERTY = "e2e.engines";
    private static final Logger LOG = LoggerFactory.getLogger(EngineProvider.class);
    static final Engines ENGINES = choose(System.getProperty(PROPERTY, "embedded"));

    private EngineProvider() {
    }

    private static Engines choose(String choice) {
        Engines engines = switch (choice) {
            case "embedded" -> new EmbeddedEngineSet();
            case "containers" -> ContainerEngineSet.start(ContainerImages.fromSystemProperties());
            default -> throw new IllegalArgumentException(PROPERTY + " must be 'embedded' or 'containers', not '" + choice + "'");
        };
        String chosen = "end-to-end engines (" + PROPERTY + "=" + choice + "): " + engines.description();
        LOG.info(chosen);
        System.out.println("[e2e] " + chosen);
        return engines;
    }
}
