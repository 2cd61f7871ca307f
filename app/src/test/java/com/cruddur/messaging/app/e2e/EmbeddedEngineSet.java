package com.cruddur.messaging.app.e2e;

import com.cruddur.messaging.adapter.postgres.Databases;
import com.cruddur.messaging.devengines.LocalDynamoDb;
import com.cruddur.messaging.devengines.EmbeddedPostgresEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** DynamoDB Local and PostgreSQL in this JVM, file-backed so that a stop and start keeps their data. */
final class EmbeddedEngineSet implements Engines {
    private static final String DATABASE = "cruddur_e2e";

    private final Path dynamoDbFiles;
    private final Path postgresFiles;
    private LocalDynamoDb dynamoDb;
    private EmbeddedPostgresEngine postgres;
    private final int dynamoDbPort;
    private final int postgresPort;

    EmbeddedEngineSet() {
        try {
            dynamoDbFiles = Files.createTempDirectory("e2e-dynamodb");
            postgresFiles = Files.createTempDirectory("e2e-postgres");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        dynamoDb = LocalDynamoDb.start(0, Optional.of(dynamoDbFiles));
        dynamoDbPort = dynamoDb.port();
        postgres = EmbeddedPostgresEngine.start(0, Optional.of(postgresFiles));
        postgresPort = postgres.port();
        Databases.create(postgres.maintenanceDatabase(), DATABASE);
    }

    @Override
    public String description() {
        return "embedded DynamoDB Local (" + dynamoDbEndpoint() + ") and embedded PostgreSQL (127.0.0.1:" + postgresPort
                + ")";
    }

    @Override
    public URI dynamoDbEndpoint() {
        return URI.create("http://127.0.0.1:" + dynamoDbPort);
    }

    @Override
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + DATABASE;
    }

    @Override
    public String jdbcUser() {
        return EmbeddedPostgresEngine.USER;
    }

    @Override
    public String jdbcPassword() {
        return "";
    }

    @Override
    public synchronized void stopDynamoDb() {
        dynamoDb.close();
    }

    @Override
    public synchronized void startDynamoDb() {
        dynamoDb = LocalDynamoDb.start(dynamoDbPort, Optional.of(dynamoDbFiles));
    }

    @Override
    public synchronized void stopPostgres() {
        postgres.close();
    }

    @Override
    public synchronized void startPostgres() {
        postgres = EmbeddedPostgresEngine.start(postgresPort, Optional.of(postgresFiles));
    }
}
