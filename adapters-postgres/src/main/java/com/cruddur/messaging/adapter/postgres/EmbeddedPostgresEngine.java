package com.cruddur.messaging.adapter.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * A real PostgreSQL server started from this JVM (unpacked from a jar, on a free port of
 * 127.0.0.1): the database of the embedded dev default and of the tests. Works as root.
 */
public final class EmbeddedPostgresEngine implements AutoCloseable {
    public static final String USER = "postgres";

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
     * Starts on the port (a free one for 0), keeping its data in {@code directory} when given, so
     * that a restart on the same port and directory finds the databases again.
     */
    public static EmbeddedPostgresEngine start(int port, Optional<Path> directory) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (port != 0) {
                builder.setPort(port);
            }
            directory.ifPresent(path -> builder.setDataDirectory(path).setCleanDataDirectory(false));
            return new EmbeddedPostgresEngine(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start on port " + port, e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + database;
    }

    /** Creates the database unless it exists. Returns whether it created it. */
    public boolean createDatabase(String database) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            return Databases.create(connection, database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database, e);
        }
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
