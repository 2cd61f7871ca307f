package com.cruddur.messaging.app;

import ch.qos.logback.classic.ClassicConstants;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Production logs one JSON object per line ({@code logback-prod.xml}); dev keeps readable text. */
final class ProductionLogs {
    static final String CONFIGURATION = "/logback-prod.xml";
    /** The appender only production's configuration has. */
    private static final String TRACED_APPENDER = "TRACED";

    private ProductionLogs() {
    }

    /**
     * The launcher's way, before anything has logged: logback reads production's configuration as its first
     * and only one (reading the default one first and replacing it took a quarter of a second at start).
     */
    static void useJsonLinesFromTheStart() {
        System.setProperty(ClassicConstants.CONFIG_FILE_PROPERTY, CONFIGURATION.substring(1));
        useJsonLines();
    }

    /** Replaces the logging configuration with production's, unless it is production's already. */
    static void useJsonLines() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        if (context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(TRACED_APPENDER) != null) {
            return;
        }
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(ProductionLogs.class.getResource(CONFIGURATION));
        } catch (JoranException e) {
            throw new IllegalStateException("cannot read " + CONFIGURATION, e);
        }
    }
}
