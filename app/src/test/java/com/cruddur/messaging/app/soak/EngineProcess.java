package com.cruddur.messaging.app.soak;

import com.cruddur.messaging.adapter.postgres.Databases;
import com.cruddur.messaging.devengines.LocalDynamoDb;
import com.cruddur.messaging.devengines.EmbeddedPostgresEngine;
import java.nio.file.Path;
import java.util.Optional;

/**
 * An engine as a process of its own for the soak: {@code dynamodb <port> <dir>} runs DynamoDB Local (this JVM
 * is the engine), {@code postgres <port> <dir>} runs PostgreSQL (a postmaster this JVM starts and watches), each
 * keeping its data in the directory so that a restart after {@code kill -9} finds it again.
 */
public final class EngineProcess {
    private EngineProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(args[1]);
        Path directory = Path.of(args[2]);
        if ("dynamodb".equals(args[0])) {
            LocalDynamoDb.start(port, Optional.of(directory));
        } else {
            Databases.create(EmbeddedPostgresEngine.start(port, Optional.of(directory)).maintenanceDatabase(), "cruddur");
        }
        System.out.println("ready");
        Thread.currentThread().join();
    }
}
