package com.cruddur.messaging.app.soak;

import com.cruddur.messaging.app.FreePorts;
import com.cruddur.messaging.app.bench.ServiceProcess;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The soak's processes, each on a free port of 127.0.0.1: DynamoDB Local (DynamoDB store only) and
 * PostgreSQL as processes of their own with their data on disk, and two service instances (the jar, on those
 * engines, as a load balancer would have them); with the DynamoDB store the first polls the stream. The
 * faults of {@link Nemesis} are its methods.
 */
final class Cluster implements AutoCloseable {
    static final int INSTANCES = 2;
    /** Options for every process's JVM (-Dsoak.java-options): the short soak in the test build saves compiling. */
    private static final String JAVA_OPTIONS = System.getProperty("soak.java-options", "");
    /** Every process of a run carries the run's directory under this name, so that none can outlive the run unseen. */
    static final String RUN_MARKER = "CRUDDUR_SOAK_RUN";
    private static final Duration READY_WITHIN = Duration.ofMinutes(2);

    private final String store;
    private final Path directory;
    private final Optional<Node> dynamoDb;
    private final Node postgres;
    private final List<Node> services = new ArrayList<>();
    private final HttpClient health = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final SharedArchive archive;
    private boolean closed;

    Cluster(String store, Path jar, Path directory) {
        this.store = store;
        this.directory = directory;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = testClasspath();
        int dynamoDbPort = FreePorts.pick();
        int postgresPort = FreePorts.pick();
        this.dynamoDb = "dynamodb".equals(store) ? Optional.of(engine(java, classpath, "dynamodb", dynamoDbPort)) : Optional.empty();
        this.postgres = engine(java, classpath, "postgres", postgresPort);
        this.archive = SharedArchive.forJar(java, jar);
        for (int i = 0; i < INSTANCES; i++) {
            int port = FreePorts.pick();
            Map<String, String> environment = new HashMap<>(ServiceProcess.LIMITS_LIFTED);
            environment.putAll(Map.of(
                    "CRUDDUR_EMBEDDED", "false",
                    "CRUDDUR_STORE", store,
                    "MICRONAUT_SERVER_PORT", String.valueOf(port),
                    "AWS_SERVICES_DYNAMODB_ENDPOINT_OVERRIDE", "http://127.0.0.1:" + dynamoDbPort,
                    "DATASOURCES_DEFAULT_URL", "jdbc:postgresql://127.0.0.1:" + postgresPort + "/cruddur",
                    "CRUDDUR_DYNAMODB_POLL_STREAM", String.valueOf("dynamodb".equals(store) && i == 0),
                    "CRUDDUR_DEMO_DATA", "false",
                    "CRUDDUR_DEV_KEY_FILE", directory.resolve("dev-signing-key.json").toString(),
                    RUN_MARKER, directory.toString(),
                    "JAVA_TOOL_OPTIONS", archive.javaOption() + JAVA_OPTIONS));
            services.add(new Node("service-" + i, List.of(java, "-jar", jar.toString()), environment,
                    directory.resolve("service-" + i + ".log"), port, log -> healthy(port), READY_WITHIN));
        }
    }

    void start() {
        // The engines do not need each other: both start at once; then the services, at once too, as a deployment
        // starts its tasks (whichever comes first creates the table, the schema and the dev signing key).
        List<Node> engines = Stream.concat(dynamoDb.stream(), Stream.of(postgres)).toList();
        startAtOnce(engines);
        startAtOnce(services);
    }

    private static void startAtOnce(List<Node> nodes) {
        ExecutorService starting = Executors.newFixedThreadPool(nodes.size());
        try {
            nodes.stream().map(node -> starting.submit(node::start)).toList().forEach(Cluster::await);
        } finally {
            starting.shutdownNow();
        }
    }

    private static void await(Future<?> start) {
        try {
            start.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failed ? failed : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the cluster", e);
        }
    }

    String store() {
        return store;
    }

    URI service(int instance) {
        return URI.create("http://127.0.0.1:" + services.get(instance).port());
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.port() + "/cruddur";
    }

    Optional<URI> dynamoDbEndpoint() {
        return dynamoDb.map(node -> URI.create("http://127.0.0.1:" + node.port()));
    }

    /** The instance that polls the stream (DynamoDB store), or the first. */
    int poller() {
        return 0;
    }

    // The faults; each holds its node for its whole length (Node), so that faults of one process take their turns.

    Effect killService(int instance, Duration down) {
        return services.get(instance).killAndRestart(down);
    }

    Effect pauseService(int instance, Duration paused) {
        return services.get(instance).pause(paused);
    }

    boolean hasDynamoDb() {
        return dynamoDb.isPresent();
    }

    Effect killDynamoDb(Duration down) {
        return dynamoDb.orElseThrow().killAndRestart(down);
    }

    Effect pauseDynamoDb(Duration paused) {
        return dynamoDb.orElseThrow().pause(paused);
    }

    /**
     * kill -9 of the postmaster itself (its backends see it gone and quit), then of its engine process; then
     * PostgreSQL again on the same data. Verified when the postmaster was alive before and it and every backend it
     * had are gone after.
     */
    Effect killPostgres(Duration down) {
        synchronized (postgres) {
            Optional<Long> postmaster = postmaster().filter(Procs::alive);
            List<Long> backends = postmaster.map(pid -> Procs.tree(pid).stream().filter(child -> !child.equals(pid)).toList())
                    .orElse(List.of());
            postmaster.ifPresent(pid -> Node.signal("KILL", pid));
            boolean gone = postmaster.isPresent() && Node.awaitGone(Stream.concat(postmaster.stream(), backends.stream()).toList(),
                    Duration.ofSeconds(10));
            Node.Seen engine = postgres.kill();
            return postgres.restartAfter(new Node.Seen(postmaster.orElse(engine.pid()), gone), down,
                    () -> postmaster().orElse(-1L));
        }
    }

    /** The postmaster and every backend stopped at once: the database as a frozen machine would be. */
    Effect pausePostgres(Duration paused) {
        synchronized (postgres) {
            Optional<Long> postmaster = postmaster().filter(Procs::alive);
            if (postmaster.isEmpty()) {
                return Effect.paused(-1, false);
            }
            return Effect.paused(postmaster.get(), Node.pause(Procs.tree(postmaster.get()), paused));
        }
    }

    private Optional<Long> postmaster() {
        String lockFile = Node.readOrEmpty(directory.resolve("postgres").resolve("postmaster.pid"));
        return lockFile.lines().findFirst().map(String::strip).filter(line -> line.matches("\\d+")).map(Long::parseLong);
    }

    /** Every process running and answering (after a fault that restarted nothing, e.g. one cut short). */
    void heal() {
        dynamoDb.filter(node -> !node.running()).ifPresent(Node::start);
        if (!postgres.running()) {
            postgres.start();
        }
        services.stream().filter(node -> !node.running()).forEach(Node::start);
    }

    String archive() {
        return archive.note();
    }

    /**
     * Stops every process the run started, then checks that none is left: no live process may carry the run's
     * directory in its command line or environment (every process gets it as {@code CRUDDUR_SOAK_RUN}). One that
     * does is killed, and this throws: a soak that leaves a process behind has not run as it says.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        services.forEach(Node::stop);
        postgres.stop();
        dynamoDb.ifPresent(Node::stop);
        postmaster().filter(Procs::alive).ifPresent(pid -> Node.signal("INT", pid));
        List<Long> left = leftBehind(Duration.ofSeconds(30));
        if (!left.isEmpty()) {
            left.forEach(pid -> Node.signal("KILL", pid));
            throw new IllegalStateException("the soak left processes of " + directory + " running: " + left + " (killed now)");
        }
    }

    /** The processes of this run still alive after {@code grace}. */
    List<Long> leftBehind(Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        List<Long> left = Procs.carrying(directory.toString());
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Node.sleep(100);
            left = Procs.carrying(directory.toString());
        }
        return left;
    }

    private Node engine(String java, String classpath, String engine, int port) {
        Path data = directory.resolve(engine);
        try {
            Files.createDirectories(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> environment = new HashMap<>(Map.of(RUN_MARKER, directory.toString()));
        if (!JAVA_OPTIONS.isEmpty()) {
            environment.put("JAVA_TOOL_OPTIONS", JAVA_OPTIONS);
        }
        return new Node(engine, List.of(java, "-Xmx512m", "-cp", classpath, EngineProcess.class.getName(), engine,
                String.valueOf(port), data.toString()), environment, directory.resolve(engine + ".log"), port,
                log -> Node.readOrEmpty(log).contains("ready"), READY_WITHIN,
                "postgres".equals(engine) ? this::postmaster : Optional::empty);
    }

    private boolean healthy(int port) {
        try {
            return health.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The test classes and their libraries: Maven's exec:java runs us in a class loader of its own. */
    private static String testClasspath() {
        if (Thread.currentThread().getContextClassLoader() instanceof URLClassLoader loader && loader.getURLs().length > 1) {
            return Stream.of(loader.getURLs()).map(Cluster::path).collect(Collectors.joining(File.pathSeparator));
        }
        return System.getProperty("java.class.path");
    }

    private static String path(URL url) {
        try {
            return Path.of(url.toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
