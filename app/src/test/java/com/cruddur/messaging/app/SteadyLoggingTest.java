package com.cruddur.messaging.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import io.micronaut.context.ApplicationContext;
import io.micronaut.logging.LoggingSystem;
import io.micronaut.logging.impl.LogbackLoggingSystem;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A context's start no longer resets logback (found by the command-line test: a pool thread's DEBUG line with a
 * stack trace in a command's output, logged while Micronaut re-read the configuration); logger.levels still apply.
 */
class SteadyLoggingTest {

    @Test
    void aStartingContextSetsItsLevelsWithoutResettingLogback() {
        LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger marked = logback.getLogger("cruddur.steady-logging-test");
        marked.setLevel(Level.TRACE);

        try (ApplicationContext context = ApplicationContext.run(Map.of("logger.levels.cruddur.steady-logging-level", "ERROR",
                "cruddur.store", "memory", "cruddur.directory", "memory"), "test")) {
            assertThat(context.getBeansOfType(LoggingSystem.class)).hasAtLeastOneElementOfType(SteadyLogging.class)
                    .noneMatch(LogbackLoggingSystem.class::isInstance);
            assertThat(marked.getLevel()).as("a level set before the context started (a reset clears it)")
                    .isEqualTo(Level.TRACE);
            assertThat(logback.getLogger("cruddur.steady-logging-level").getLevel()).isEqualTo(Level.ERROR);
        } finally {
            marked.setLevel(null);
        }
    }
}
