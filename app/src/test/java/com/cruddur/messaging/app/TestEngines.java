package com.cruddur.messaging.app;

import com.cruddur.messaging.adapter.postgres.Databases;
import com.cruddur.messaging.devengines.LocalDynamoDb;
import com.cruddur.messaging.devengines.EmbeddedPostgresEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The embedded engines once for the app's tests, on free ports, and settings that point a context at them. */
public final class TestEngines {
    static final LocalDynamoDb DYNAMODB = LocalDynamoDb.start();
    public static final EmbeddedPostgresEngine POSTGRES = EmbeddedPostgresEngine.start();
    private static final Path DEV_KEY;

    static {
        Databases.create(POSTGRES.maintenanceDatabase(), EmbeddedEngines.DATABASE);
        try {
            DEV_KEY = Files.createTempDirectory("cruddur-test-keys").resolve("dev-key.json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            DYNAMODB.close();
            POSTGRES.close();
        }));
    }

    private TestEngines() {
    }

    /** What the launcher passes for its own engines, for these engines, plus the store and directory to use. */
    public static Map<String, Object> settings(String store, String directory) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("aws.services.dynamodb.endpoint-override", DYNAMODB.endpoint().toString());
        settings.put("datasources.default.url", POSTGRES.jdbcUrl(EmbeddedEngines.DATABASE));
        settings.put("cruddur.embedded.dynamodb-port", DYNAMODB.port());
        settings.put("cruddur.embedded.postgres-port", POSTGRES.port());
        settings.put("cruddur.store", store);
        settings.put("cruddur.directory", directory);
        settings.put("cruddur.dev.key-file", DEV_KEY.toString());
        settings.put("micronaut.server.port", -1);
        return settings;
    }
}
