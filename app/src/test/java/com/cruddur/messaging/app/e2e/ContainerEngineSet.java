package com.cruddur.messaging.app.e2e;

import java.net.URI;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The same engines as containers, where a Docker engine is reachable. A fault pauses a container
 * (its port and data stay), which the service sees as an engine that stopped answering.
 */
final class ContainerEngineSet implements Engines {
    private static final int DYNAMODB_PORT = 8000;

    private final GenericContainer<?> dynamoDb = new GenericContainer<>(DockerImageName.parse("amazon/dynamodb-local:2.6.1"))
            .withExposedPorts(DYNAMODB_PORT)
            .withCommand("-jar", "DynamoDBLocal.jar", "-inMemory", "-sharedDb", "-disableTelemetry");
    private final PostgreSQLContainer<?> postgres = new PostgreSQLContainer<>(DockerImageName.parse("postgres:17"))
            .withDatabaseName("cruddur_e2e");

    ContainerEngineSet() {
        dynamoDb.start();
        postgres.start();
    }

    @Override
    public String description() {
        return "Testcontainers: " + dynamoDb.getDockerImageName() + " and " + postgres.getDockerImageName();
    }

    @Override
    public URI dynamoDbEndpoint() {
        return URI.create("http://" + dynamoDb.getHost() + ":" + dynamoDb.getMappedPort(DYNAMODB_PORT));
    }

    @Override
    public String jdbcUrl() {
        return postgres.getJdbcUrl();
    }

    @Override
    public String jdbcUser() {
        return postgres.getUsername();
    }

    @Override
    public String jdbcPassword() {
        return postgres.getPassword();
    }

    @Override
    public void stopDynamoDb() {
        DockerClientFactory.instance().client().pauseContainerCmd(dynamoDb.getContainerId()).exec();
    }

    @Override
    public void startDynamoDb() {
        DockerClientFactory.instance().client().unpauseContainerCmd(dynamoDb.getContainerId()).exec();
    }

    @Override
    public void stopPostgres() {
        DockerClientFactory.instance().client().pauseContainerCmd(postgres.getContainerId()).exec();
    }

    @Override
    public void startPostgres() {
        DockerClientFactory.instance().client().unpauseContainerCmd(postgres.getContainerId()).exec();
    }
}
