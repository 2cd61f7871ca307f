package com.cruddur.messaging.adapter.postgres;

import com.cruddur.messaging.devengines.EmbeddedPostgresEngine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cruddur.messaging.adapter.postgres.users.PostgresUserDirectory;
import com.cruddur.messaging.domain.model.CognitoUserId;
import com.cruddur.messaging.domain.model.Handle;
import com.cruddur.messaging.domain.model.User;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A database the original set up, with its data, is migrated in place and keeps every row. */
class OriginalDatabaseMigrationTest {

    @Test
    void migratingTheOriginalsDatabaseKeepsItsUsersAndActivities() throws Exception {
        String database = "original_" + System.nanoTime();
        Databases.create(PostgresEngine.ENGINE.maintenanceDatabase(), database);
        String url = PostgresEngine.ENGINE.jdbcUrl(database);
        runScript(url, "/original/schema.sql");
        runScript(url, "/original/seed.sql");

        try (ApplicationContext context = PostgresEngine.migrated(ApplicationContext.run(PostgresEngine.settings(url)))) {
            PostgresUserDirectory directory = PostgresEngine.directory(context);

            assertThat(directory.all()).extracting(user -> user.handle().value())
                    .containsExactly("andrewbrown", "bayko", "londo", "owensound");
            User andrew = directory.byHandle(new Handle("AndrewBrown")).orElseThrow();
            assertThat(andrew.displayName()).isEqualTo("Andrew Brown");
            assertThat(andrew.cognitoUserId()).as("the MOCK placeholder means: not signed up").isEmpty();
            assertThat(directory.byCognitoUserId(new CognitoUserId("5cf80e10-104e-4c75-af80-aa88d5811dc9")))
                    .map(user -> user.handle().value()).isEqualTo(Optional.of("owensound"));
            assertThat(count(url, "SELECT count(*) FROM activities")).isEqualTo(1);
            assertThat(count(url, "SELECT count(*) FROM flyway_schema_history WHERE success")).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void handlesThatDifferOnlyInCaseStopTheMigrationWithAClearMessage() throws Exception {
        String database = "original_clash_" + System.nanoTime();
        Databases.create(PostgresEngine.ENGINE.maintenanceDatabase(), database);
        String url = PostgresEngine.ENGINE.jdbcUrl(database);
        runScript(url, "/original/schema.sql");
        try (Connection connection = DriverManager.getConnection(url, EmbeddedPostgresEngine.USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO users (display_name, email, handle, cognito_user_id) VALUES "
                    + "('A', 'a@example.com', 'Bayko', 'MOCK'), ('B', 'b@example.com', 'bayko', 'MOCK')");
        }

        assertThatThrownBy(() -> PostgresEngine.migrated(ApplicationContext.run(PostgresEngine.settings(url))).close())
                .hasStackTraceContaining("handles that differ only in case (bayko)");
        assertThat(count(url, "SELECT count(*) FROM users")).isEqualTo(2);
    }

    private static void runScript(String url, String resource) throws IOException, SQLException {
        try (InputStream script = OriginalDatabaseMigrationTest.class.getResourceAsStream(resource);
             Connection connection = DriverManager.getConnection(url, EmbeddedPostgresEngine.USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(new String(script.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static int count(String url, String query) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, EmbeddedPostgresEngine.USER, "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
