package com.cruddur.messaging.devengines;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * DynamoDB Local running inside this JVM, in memory, on 127.0.0.1: the engine of the embedded dev
 * default and of the tests. Not a performance reference (it is SQLite underneath).
 */
public final class LocalDynamoDb implements AutoCloseable {
    public static final String LOOPBACK = "127.0.0.1";
    private static final String NATIVE_LIBRARY_PROPERTY = "sqlite4java.library.path";
    private static final String NATIVE_LIBRARY = "libsqlite4java-linux-amd64-1.0.392.so";

    /** Held strongly: java.util.logging forgets the level of loggers nobody references. */
    private static final List<Logger> QUIET_LOGGERS = List.of(Logger.getLogger("com.almworks.sqlite4java"),
            Logger.getLogger("com.amazonaws"));

    private final DynamoDBProxyServer server;
    private final int port;

    private LocalDynamoDb(DynamoDBProxyServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts on a free port. */
    public static LocalDynamoDb start() {
        return start(0);
    }

    /** Starts on the port, or a free one for 0. */
    public static LocalDynamoDb start(int port) {
        return start(port, Optional.empty());
    }

    /**
     * Starts on the port of 127.0.0.1, keeping the tables in files under {@code directory} when given
     * (so that a restart on the same directory finds them again), in memory otherwise.
     */
    public static LocalDynamoDb start(int requestedPort, Optional<Path> directory) {
        return start(requestedPort, directory, LOOPBACK);
    }

    /**
     * As {@link #start(int, Optional)}, listening on {@code host} only. DynamoDB Local itself listens on
     * every interface and accepts any key, so anyone who reaches the port reads every message.
     */
    public static LocalDynamoDb start(int requestedPort, Optional<Path> directory, String host) {
        int port = requestedPort == 0 ? freePort() : requestedPort;
        provideNativeLibrary();
        QUIET_LOGGERS.forEach(logger -> logger.setLevel(Level.SEVERE));
        PrintStream console = System.out;
        try {
            // DynamoDB Local prints its whole configuration to standard output on start; keep the log readable.
            System.setOut(new PrintStream(OutputStream.nullOutputStream()));
            // One database whatever key and region a client signs with, so the service and the command line share it.
            List<String> arguments = new ArrayList<>(directory
                    .map(path -> List.of("-dbPath", path.toString(), "-sharedDb"))
                    .orElse(List.of("-inMemory")));
            // Telemetry off: with it on, DynamoDB Local reports to AWS and writes dynamodb-local-metadata.json
            // into the working directory; with it off it does neither.
            arguments.addAll(List.of("-port", String.valueOf(port), "-disableTelemetry"));
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(arguments.toArray(String[]::new));
            // DynamoDB Local sets SQLite's logger to WARNING as it is created; every start then warned of SQLite's
            // "unknown jar version" (its jar is shaded into ours). Errors still show.
            QUIET_LOGGERS.forEach(logger -> logger.setLevel(Level.SEVERE));
            listenOn(server, host);
            server.start();
            return new LocalDynamoDb(server, port);
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start on port " + port, e);
        } finally {
            System.setOut(console);
        }
    }

    /** DynamoDB Local offers no listen address; its Jetty connector is set to one before it starts. */
    private static void listenOn(DynamoDBProxyServer proxy, String host) throws ReflectiveOperationException {
        Field jetty = DynamoDBProxyServer.class.getDeclaredField("server");
        jetty.setAccessible(true);
        for (Connector connector : ((Server) jetty.get(proxy)).getConnectors()) {
            ((ServerConnector) connector).setHost(host);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop", e);
        }
    }

    /** SQLite's native library ships inside this module's jar; sqlite4java loads it only from a directory. */
    private static synchronized void provideNativeLibrary() {
        if (System.getProperty(NATIVE_LIBRARY_PROPERTY) != null) {
            return;
        }
        try (InputStream library = LocalDynamoDb.class.getResourceAsStream("/native/" + NATIVE_LIBRARY)) {
            if (library == null) {
                throw new IllegalStateException("native/" + NATIVE_LIBRARY + " is missing from the class path");
            }
            Path directory = Files.createTempDirectory("cruddur-sqlite4java");
            Path file = directory.resolve(NATIVE_LIBRARY);
            Files.copy(library, file, StandardCopyOption.REPLACE_EXISTING);
            file.toFile().deleteOnExit();
            directory.toFile().deleteOnExit();
            System.setProperty(NATIVE_LIBRARY_PROPERTY, directory.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack SQLite's native library", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
