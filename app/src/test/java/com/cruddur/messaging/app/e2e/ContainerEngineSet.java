package com.cruddur.messaging.app.e2e;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import java.net.URI;
import java.util.List;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * The engines as containers (Testcontainers). Their ports are published on 127.0.0.1 only. A fault pauses
 * a container (its port and data stay), which the service sees as an engine that stopped answering.
 * Ryuk, Testcontainers' reaper, is off (its image cannot be pulled everywhere; the app module's Surefire
 * sets TESTCONTAINERS_RYUK_DISABLED): the containers are removed when the suite's JVM ends.
 */
final class ContainerEngineSet implements Engines {
    private static final int DYNAMODB_PORT = 8000;
    private static final int POSTGRES_PORT = 5432;
    private static final String DATABASE = "cruddur_e2e";

    private final GenericContainer<?> dynamoDb;
    private final PostgreSQLContainer<?> postgres;

    private ContainerEngineSet(GenericContainer<?> dynamoDb, PostgreSQLContainer<?> postgres) {
        this.dynamoDb = dynamoDb;
        this.postgres = postgres;
    }

    static ContainerEngineSet start(ContainerImages images) {
        GenericContainer<?> dynamoDb = new GenericContainer<>(images.dynamoDb())
                .withExposedPorts(DYNAMODB_PORT)
                .withCommand("-jar", "DynamoDBLocal.jar", "-inMemory", "-sharedDb", "-disableTelemetry")
                .withCreateContainerCmdModifier(command -> command.getHostConfig()
                        .withPortBindings(onLoopback(DYNAMODB_PORT)))
                .waitingFor(Wait.forListeningPort());
        PostgreSQLContainer<?> postgres = new PostgreSQLContainer<>(images.postgres())
                .withDatabaseName(DATABASE)
                .withCreateContainerCmdModifier(command -> command.getHostConfig()
                        .withPortBindings(onLoopback(POSTGRES_PORT)))
                // The official image logs "ready" twice (its set-up server, then the real one), the stand-in once;
                // both accept connections when the port listens, which this waits for from inside too.
                .waitingFor(Wait.forListeningPort());
        ContainerEngineSet engines = new ContainerEngineSet(dynamoDb, postgres);
        Runtime.getRuntime().addShutdownHook(new Thread(engines::remove, "e2e-containers-removal"));
        dynamoDb.start();
        postgres.start();
        return engines;
    }

    private static List<PortBinding> onLoopback(int containerPort) {
        return List.of(new PortBinding(Ports.Binding.bindIp("127.0.0.1"), ExposedPort.tcp(containerPort)));
    }

    private void remove() {
        for (GenericContainer<?> container : List.of(dynamoDb, postgres)) {
            try {
                container.stop();
            } catch (RuntimeException e) {
                System.err.println("[e2e] could not remove container " + container.getContainerId() + ": " + e);
            }
        }
    }

    @Override
    public String description() {
        return "Testcontainers: " + dynamoDb.getDockerImageName() + " on " + dynamoDbEndpoint() + " and "
                + postgres.getDockerImageName() + " on " + jdbcUrl();
    }

    @Override
    public URI dynamoDbEndpoint() {
        return URI.create("http://127.0.0.1:" + dynamoDb.getMappedPort(DYNAMODB_PORT));
    }

    @Override
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getMappedPort(POSTGRES_PORT) + "/" + DATABASE;
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
