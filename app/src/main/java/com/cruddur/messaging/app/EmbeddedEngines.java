package com.cruddur.messaging.app;

import com.cruddur.messaging.adapter.postgres.Databases;
import com.cruddur.messaging.devengines.LocalDynamoDb;
import com.cruddur.messaging.devengines.EmbeddedPostgresEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default's engines: DynamoDB Local in this JVM and PostgreSQL as its child, on fixed
 * ports so that the command line finds them as the original's scripts found theirs (0 picks free
 * ports), on loopback, keeping their data in the data directory (see {@link EmbeddedSettings}).
 */
public final class EmbeddedEngines implements AutoCloseable {
    static final String DATABASE = "cruddur";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedEngines.class);

    private final LocalDynamoDb dynamoDb;
    private final EmbeddedPostgresEngine postgres;

    private EmbeddedEngines(LocalDynamoDb dynamoDb, EmbeddedPostgresEngine postgres) {
        this.dynamoDb = dynamoDb;
        this.postgres = postgres;
    }

    /**
     * Whether this jar carries the engines: the embedded default's does, the production jar (the image's)
     * does not — there the service runs only in production mode, on engines elsewhere.
     */
    public static boolean carried() {
        try {
            Class.forName("com.cruddur.messaging.devengines.LocalDynamoDb", false, EmbeddedEngines.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** Why a start that needs the engines cannot have them in this jar, and what to do instead. */
    private static String notCarriedMessage() {
        return "this is the production jar, which carries no embedded engines: set MICRONAUT_ENVIRONMENTS=prod and the"
                + " production settings (README, \"Settings\"), or CRUDDUR_EMBEDDED=false with the engines' endpoints;"
                + " the embedded default is app/target/cruddur-messaging.jar";
    }

    public static EmbeddedEngines start(EmbeddedSettings settings) {
        if (!carried()) {
            throw new IllegalStateException(notCarriedMessage());
        }
        long started = System.nanoTime();
        Optional<Path> data = settings.dataDirectory();
        data.ifPresentOrElse(
                directory -> LOG.info("data directory: {} (back it up by copying it while the service is stopped;"
                        + " delete it to start afresh; --data-dir=PATH or CRUDDUR_DATA_DIR to move it)", directory),
                () -> LOG.info("throwaway run: nothing is kept after the service stops"));
        // A server a killed run left on this data directory is ours to stop; anything else on our ports is not ours to use.
        data.ifPresent(directory -> EmbeddedPostgresEngine.stopLeftOver(directory.resolve("postgres")));
        for (int port : new int[] {settings.dynamoDbPort(), settings.postgresPort()}) {
            if (port != 0 && PortOwners.taken(port)) {
                throw new IllegalStateException("port " + port + " is taken by " + PortOwners.describe(port)
                        + "; stop it, or start on other ports (CRUDDUR_EMBEDDED_DYNAMODB_PORT, CRUDDUR_EMBEDDED_POSTGRES_PORT)");
            }
        }
        LocalDynamoDb dynamoDb = LocalDynamoDb.start(settings.dynamoDbPort(),
                data.map(directory -> directory(directory.resolve("dynamodb"))), settings.host());
        EmbeddedPostgresEngine postgres;
        try {
            postgres = EmbeddedPostgresEngine.start(settings.postgresPort(),
                    data.map(directory -> directory(directory.resolve("postgres"))), settings.host());
        } catch (RuntimeException e) {
            dynamoDb.close();
            throw e;
        }
        Databases.create(postgres.maintenanceDatabase(), DATABASE);
        LOG.info("embedded engines up in {} ms: DynamoDB Local on {}:{}, PostgreSQL on {}:{}",
                (System.nanoTime() - started) / 1_000_000, settings.host(), dynamoDb.port(), settings.host(), postgres.port());
        return new EmbeddedEngines(dynamoDb, postgres);
    }

    private static Path directory(Path path) {
        try {
            return Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + path, e);
        }
    }

    /** Settings that point the service at these engines. */
    Map<String, Object> settings() {
        return Map.of(
                "aws.services.dynamodb.endpoint-override", dynamoDb.endpoint().toString(),
                "datasources.default.url", postgres.jdbcUrl(DATABASE),
                "cruddur.embedded.dynamodb-port", dynamoDb.port(),
                "cruddur.embedded.postgres-port", postgres.port());
    }

    @Override
    public void close() {
        try {
            dynamoDb.close();
        } finally {
            postgres.close();
        }
    }
}
