package com.cruddur.messaging.adapter.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Creating and dropping whole databases (the original's {@code bin/db/create} and {@code drop}).
 * DDL takes no bind parameters, so PostgreSQL itself quotes the name ({@code format('%I')}) and the
 * statement it returns is run as is: no SQL is put together from strings here.
 */
public final class Databases {
    private Databases() {
    }

    public static boolean exists(Connection connection, String database) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, database);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** Creates the database unless it exists, from a server's maintenance database; returns whether it created it. */
    public static boolean create(DataSource server, String database) {
        try (Connection connection = server.getConnection()) {
            return create(connection, database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database, e);
        }
    }

    /** Returns whether it created the database (false if it existed). */
    public static boolean create(Connection connection, String database) throws SQLException {
        if (exists(connection, database)) {
            return false;
        }
        execute(connection, "SELECT format('CREATE DATABASE %I', ?::text)", database);
        return true;
    }

    /** Returns whether it dropped the database (false if there was none). */
    public static boolean drop(Connection connection, String database) throws SQLException {
        if (!exists(connection, database)) {
            return false;
        }
        execute(connection, "SELECT format('DROP DATABASE %I WITH (FORCE)', ?::text)", database);
        return true;
    }

    private static void execute(Connection connection, String quoting, String name) throws SQLException {
        String statementText;
        try (PreparedStatement quote = connection.prepareStatement(quoting)) {
            quote.setString(1, name);
            try (ResultSet quoted = quote.executeQuery()) {
                quoted.next();
                statementText = quoted.getString(1);
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute(statementText);
        }
    }
}
