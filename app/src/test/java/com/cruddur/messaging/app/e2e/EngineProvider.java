package com.cruddur.messaging.app.e2e;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * One provider of engines for the whole end-to-end suite: containers when a Docker engine answers,
 * the embedded engines otherwise. Which one is logged and printed; an engine that cannot start fails
 * the suite — it never skips.
 */
final class EngineProvider {
    private static final Logger LOG = LoggerFactory.getLogger(EngineProvider.class);
    static final Engines ENGINES = choose();

    private EngineProvider() {
    }

    private static Engines choose() {
        Engines engines = dockerReachable() ? new ContainerEngineSet() : new EmbeddedEngineSet();
        String choice = "end-to-end engines: " + engines.description();
        LOG.info(choice);
        System.out.println("[e2e] " + choice);
        return engines;
    }

    private static boolean dockerReachable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
