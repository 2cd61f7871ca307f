package com.cruddur.messaging.app;

import com.cruddur.messaging.adapter.dynamodb.LocalDynamoDb;
import com.cruddur.messaging.adapter.postgres.EmbeddedPostgresEngine;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default's engines, in this JVM: DynamoDB Local and PostgreSQL, on fixed ports so
 * that the command line finds them as the original's scripts found theirs (0 picks free ports).
 */
final class EmbeddedEngines implements AutoCloseable {
    static final String DATABASE = "cruddur";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedEngines.class);

    private final LocalDynamoDb dynamoDb;
    private final EmbeddedPostgresEngine postgres;

    private EmbeddedEngines(LocalDynamoDb dynamoDb, EmbeddedPostgresEngine postgres) {
        this.dynamoDb = dynamoDb;
        this.postgres = postgres;
    }

    static EmbeddedEngines start(int dynamoDbPort, int postgresPort) {
        long started = System.nanoTime();
        LocalDynamoDb dynamoDb = LocalDynamoDb.start(dynamoDbPort);
        EmbeddedPostgresEngine postgres;
        try {
            postgres = EmbeddedPostgresEngine.start(postgresPort);
        } catch (RuntimeException e) {
            dynamoDb.close();
            throw e;
        }
        postgres.createDatabase(DATABASE);
        LOG.info("embedded engines up in {} ms: DynamoDB Local on {}, PostgreSQL on 127.0.0.1:{}",
                (System.nanoTime() - started) / 1_000_000, dynamoDb.endpoint(), postgres.port());
        return new EmbeddedEngines(dynamoDb, postgres);
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
