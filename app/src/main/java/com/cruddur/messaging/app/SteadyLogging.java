package com.cruddur.messaging.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.logging.LogLevel;
import io.micronaut.logging.LoggingSystem;
import io.micronaut.logging.impl.LogbackLoggingSystem;
import jakarta.inject.Singleton;
import org.slf4j.LoggerFactory;

/**
 * Logback as it configured itself, with the levels of {@code logger.levels.*} set on top. Micronaut's own
 * logback support re-reads the configuration whenever a context starts, resetting logback first; until the
 * file is read again every logger is at DEBUG, and a pool's thread that logged in that moment put a DEBUG line
 * with a stack trace into a command's output. Logback reads its configuration once, itself (production's from
 * {@link ProductionLogs}); nothing needs it read again.
 */
@Singleton
@Replaces(LogbackLoggingSystem.class)
class SteadyLogging implements LoggingSystem {

    @Override
    public void setLogLevel(String name, LogLevel level) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(name).setLevel(level == LogLevel.NOT_SPECIFIED ? null : Level.toLevel(level.name()));
    }

    @Override
    public void refresh() {
        // logback's configuration is read once, by logback
    }
}
