package com.cruddur.messaging.app.cli;

import com.cruddur.messaging.adapter.postgres.Databases;
import com.cruddur.messaging.adapter.postgres.PostgresSchema;
import com.cruddur.messaging.adapter.postgres.users.PostgresUserDirectory;
import com.cruddur.messaging.app.DemoUsers;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;
import io.micronaut.context.annotation.Prototype;
import picocli.CommandLine.Command;

/** {@code bin/db/*}: the PostgreSQL database at {@code datasources.default.url}. */
@Prototype
@Command(name = "db", mixinStandardHelpOptions = true, description = "The PostgreSQL database of users (and of conversations with the postgres store).",
        subcommands = {DbCommand.Create.class, DbCommand.Drop.class, DbCommand.SchemaLoad.class, DbCommand.Seed.class,
                DbCommand.Setup.class, DbCommand.Sessions.class})
class DbCommand {

    /** The configured server and database; database-level commands connect to its {@code postgres} database. */
    @Singleton
    static final class Target {
        private final String url;
        private final String user;
        private final String password;

        Target(@Value("${datasources.default.url}") String url, @Value("${datasources.default.username}") String user,
               @Value("${datasources.default.password:}") String password) {
            this.url = url;
            this.user = user;
            this.password = password;
        }

        String database() {
            return parsed().getProperty("PGDBNAME");
        }

        Connection maintenance() throws SQLException {
            Properties parts = parsed();
            return DriverManager.getConnection("jdbc:postgresql://" + parts.getProperty("PGHOST") + ":"
                    + parts.getProperty("PGPORT") + "/postgres", user, password);
        }

        private Properties parsed() {
            Properties parts = org.postgresql.Driver.parseURL(url, new Properties());
            if (parts == null) {
                throw new IllegalArgumentException("datasources.default.url is not a PostgreSQL JDBC URL: " + url);
            }
            return parts;
        }
    }

    @Prototype
    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create the database if it does not exist.")
    static class Create extends Subcommand {
        private final Target target;

        Create(Target target) {
            this.target = target;
        }

        @Override
        public Integer call() throws SQLException {
            try (Connection connection = target.maintenance()) {
                boolean created = Databases.create(connection, target.database());
                out().println((created ? "created database " : "database exists: ") + target.database());
            }
            return 0;
        }
    }

    @Prototype
    @Command(name = "drop", mixinStandardHelpOptions = true, description = "Drop the database (closing its sessions).")
    static class Drop extends Subcommand {
        private final Target target;

        Drop(Target target) {
            this.target = target;
        }

        @Override
        public Integer call() throws SQLException {
            try (Connection connection = target.maintenance()) {
                boolean dropped = Databases.drop(connection, target.database());
                out().println((dropped ? "dropped database " : "no database ") + target.database());
            }
            return 0;
        }
    }

    @Prototype
    @Command(name = "schema-load", aliases = "migrate", mixinStandardHelpOptions = true,
            description = "Apply the schema migrations (the original's schema.sql, made repeatable).")
    static class SchemaLoad extends Subcommand {
        private final BeanProvider<DataSource> dataSource;

        SchemaLoad(BeanProvider<DataSource> dataSource) {
            this.dataSource = dataSource;
        }

        @Override
        public Integer call() {
            var result = PostgresSchema.migrate(dataSource.get());
            out().println("schema at version " + result.version() + ", "
                    + result.applied() + " migrations applied");
            return 0;
        }
    }

    @Prototype
    @Command(name = "seed", mixinStandardHelpOptions = true, description = "Add the demo users (andrewbrown, bayko, londo) unless present.")
    static class Seed extends Subcommand {
        private final BeanProvider<PostgresUserDirectory> users;

        Seed(BeanProvider<PostgresUserDirectory> users) {
            this.users = users;
        }

        @Override
        public Integer call() {
            out().println("demo users added: " + users.get().seed(DemoUsers.SEED));
            return 0;
        }
    }

    @Prototype
    @Command(name = "setup", mixinStandardHelpOptions = true, description = "create, then schema-load, then seed.")
    static class Setup extends Subcommand {

        @Override
        public Integer call() {
            picocli.CommandLine db = spec.parent().commandLine();
            for (String step : List.of("create", "schema-load", "seed")) {
                int exit = db.execute(step);
                if (exit != 0) {
                    return exit;
                }
            }
            return 0;
        }
    }

    @Prototype
    @Command(name = "sessions", mixinStandardHelpOptions = true, description = "List the sessions connected to the database.")
    static class Sessions extends Subcommand {
        private final BeanProvider<DataSource> dataSource;

        Sessions(BeanProvider<DataSource> dataSource) {
            this.dataSource = dataSource;
        }

        @Override
        public Integer call() throws SQLException {
            PrintWriter out = out();
            try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource.get()).getConnection();
                 PreparedStatement query = connection.prepareStatement("SELECT pid, usename, application_name, "
                         + "client_addr, state FROM pg_stat_activity WHERE datname = current_database() ORDER BY pid")) {
                try (ResultSet rows = query.executeQuery()) {
                    out.println("pid\tuser\tapplication\tclient\tstate");
                    while (rows.next()) {
                        out.println(rows.getInt(1) + "\t" + rows.getString(2) + "\t" + rows.getString(3) + "\t"
                                + rows.getString(4) + "\t" + rows.getString(5));
                    }
                }
            }
            return 0;
        }
    }
}
