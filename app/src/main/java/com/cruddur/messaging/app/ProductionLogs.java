package com.cruddur.messaging.app;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import org.slf4j.LoggerFactory;

/** Production logs one JSON object per line ({@code logback-prod.xml}); dev keeps readable text. */
final class ProductionLogs {
    static final String CONFIGURATION = "/logback-prod.xml";

    private ProductionLogs() {
    }

    /** Replaces the logging configuration with production's, whatever logged before. */
    static void useJsonLines() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
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
