package com.cruddur.messaging.app;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/**
 * Every PostgreSQL connection — the pool's and the event listener's — gives up on a network that stops answering
 * without a word (a partition, a frozen database): a statement with no answer within {@code cruddur.jdbc.socket-timeout}
 * (15 s) fails, and the request that made it is answered 503; opening a connection or logging in gives up after
 * {@code cruddur.jdbc.connect-timeout} (5 s); TCP keepalive is on. The driver's defaults are no limit at all: a call
 * made during a partition waited for as long as the operating system kept the connection. Raise the socket timeout
 * for a migration whose statements run longer.
 */
@Singleton
final class JdbcTimeouts implements BeanCreatedEventListener<DatasourceConfiguration> {
    private final Map<String, String> driverProperties;

    JdbcTimeouts(@Value("${cruddur.jdbc.socket-timeout:15s}") Duration socketTimeout,
                 @Value("${cruddur.jdbc.connect-timeout:5s}") Duration connectTimeout) {
        // The driver counts these in whole seconds.
        this.driverProperties = Map.of(
                "socketTimeout", String.valueOf(Math.max(1, socketTimeout.toSeconds())),
                "connectTimeout", String.valueOf(Math.max(1, connectTimeout.toSeconds())),
                "loginTimeout", String.valueOf(Math.max(1, connectTimeout.toSeconds())),
                "tcpKeepAlive", "true");
    }

    /** The pool's connections, unless the configuration sets a property itself. */
    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration configuration = event.getBean();
        driverProperties.forEach((name, value) -> {
            if (!configuration.getDataSourceProperties().containsKey(name)) {
                configuration.addDataSourceProperty(name, value);
            }
        });
        return configuration;
    }

    /** The same for a connection opened outside the pool (the event listener's). */
    void applyTo(Properties connection) {
        driverProperties.forEach(connection::putIfAbsent);
    }
}
