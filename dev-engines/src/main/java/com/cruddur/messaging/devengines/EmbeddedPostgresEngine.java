package com.cruddur.messaging.devengines;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A real PostgreSQL server started from this JVM (unpacked from a jar, on a free port of
 * 127.0.0.1): the database of the embedded dev default and of the tests. Works as root.
 */
public final class EmbeddedPostgresEngine implements AutoCloseable {
    public static final String USER = "postgres";
    public static final String LOOPBACK = "127.0.0.1";

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresEngine(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts on a free port. */
    public static EmbeddedPostgresEngine start() {
        return start(0);
    }

    /** Starts on the port, or a free one for 0. */
    public static EmbeddedPostgresEngine start(int port) {
        return start(port, Optional.empty());
    }

    /**
     * Starts on the port of 127.0.0.1 (a free one for 0), keeping its data in {@code directory} when
     * given, so that a restart on the same directory finds the databases again.
     */
    public static EmbeddedPostgresEngine start(int port, Optional<Path> directory) {
        return start(port, directory, LOOPBACK);
    }

    /**
     * As {@link #start(int, Optional)}, listening on {@code host}. With a directory the data is kept
     * as a database should keep it (fsync, synchronous commit, full page writes), and a server that a
     * killed process of ours left running on that directory is stopped first; without one, the run is
     * throwaway and skips the flushes for speed.
     */
    public static EmbeddedPostgresEngine start(int port, Optional<Path> directory, String host) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setServerConfig("listen_addresses", host);
            if (port != 0) {
                builder.setPort(port);
            }
            if (directory.isPresent()) {
                StalePostmaster.stopIfLeftOn(directory.get());
                builder.setDataDirectory(directory.get()).setCleanDataDirectory(false)
                        .setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on");
            }
            return new EmbeddedPostgresEngine(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start on port " + port, e);
        }
    }

    /** Stops a PostgreSQL server that a killed process left running on the data directory, if there is one. */
    public static void stopLeftOver(Path directory) {
        StalePostmaster.stopIfLeftOn(directory);
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + database;
    }

    /** The server's maintenance database ({@code postgres}), to create or drop others from. */
    public DataSource maintenanceDatabase() {
        return postgres.getPostgresDatabase();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
