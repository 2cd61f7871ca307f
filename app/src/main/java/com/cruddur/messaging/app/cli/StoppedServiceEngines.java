package com.cruddur.messaging.app.cli;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * What the command line needs of the embedded default's engines when the service is stopped: where
 * they keep their data and on which loopback ports the command expects them. When nothing answers on
 * those ports and the data directory exists, the command starts the engines on it for its own run.
 *
 * @param dataDirectory the embedded default's data directory
 */
record StoppedServiceEngines(Path dataDirectory, int dynamoDbPort, int postgresPort) {

    /** The engines to start for this command, if its settings point at the embedded default's and the service is stopped. */
    static Optional<StoppedServiceEngines> needed(Path dataDirectory, String dynamoDbEndpoint, String jdbcUrl) {
        Optional<Integer> dynamoDb = loopbackPort(URI.create(dynamoDbEndpoint));
        Properties postgres = org.postgresql.Driver.parseURL(jdbcUrl, new Properties());
        if (dynamoDb.isEmpty() || postgres == null || !isLoopback(postgres.getProperty("PGHOST"))
                || !Files.isDirectory(dataDirectory)) {
            return Optional.empty();
        }
        int postgresPort = Integer.parseInt(postgres.getProperty("PGPORT", "5432"));
        if (answers(dynamoDb.get()) || answers(postgresPort)) {
            return Optional.empty();
        }
        return Optional.of(new StoppedServiceEngines(dataDirectory, dynamoDb.get(), postgresPort));
    }

    private static Optional<Integer> loopbackPort(URI endpoint) {
        return isLoopback(endpoint.getHost()) && endpoint.getPort() > 0 ? Optional.of(endpoint.getPort()) : Optional.empty();
    }

    private static boolean isLoopback(String host) {
        return "127.0.0.1".equals(host) || "localhost".equals(host);
    }

    /** Whether something listens on the loopback port (the running service's engine). */
    private static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (java.io.IOException closed) {
            return false;
        }
    }
}
