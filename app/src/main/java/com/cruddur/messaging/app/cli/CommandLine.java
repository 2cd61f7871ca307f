package com.cruddur.messaging.app.cli;

import com.cruddur.messaging.app.Environments;
import io.micronaut.configuration.picocli.MicronautFactory;
import io.micronaut.context.ApplicationContext;
import com.cruddur.messaging.app.EmbeddedEngines;
import com.cruddur.messaging.app.EmbeddedSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The command line: the original's {@code bin/} scripts as subcommands of the same jar
 * ({@code java -jar cruddur-messaging.jar db setup}). It runs in the environment the service would
 * ({@code dev} by default), so it reaches the embedded engines of a running dev service, or the
 * production stores with {@code MICRONAUT_ENVIRONMENTS=prod}. It starts no server, poller or engine.
 */
public final class CommandLine {
    private static final Set<String> COMMANDS = Set.of("db", "ddb", "cognito", "token", "--help", "-h", "--version", "-V");

    private CommandLine() {
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    /** Runs the command with extra settings (tests point it at their engines), returning its exit code. */
    public static int run(String[] args, Map<String, Object> settings) {
        return run(args, settings, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    public static int run(String[] args, Map<String, Object> settings, PrintWriter out, PrintWriter err) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("cruddur.dynamodb.create-table", false);
        properties.put("cruddur.dynamodb.poll-stream", false);
        properties.put("cruddur.demo-data", false);
        properties.put("cruddur.postgres.migrate-on-start", false);
        // db create runs before its database exists: the pool must not insist on connecting at start.
        properties.put("datasources.default.initialization-fail-timeout", -1);
        // A pool that never connected complains on close; the command's own message already says why.
        properties.put("logger.levels.com.zaxxer.hikari", "ERROR");
        // Engines started for a command log on stdout, where the command's own output goes.
        properties.put("logger.levels.com.cruddur.messaging.app.EmbeddedEngines", "WARN");
        properties.putAll(settings);
        try (ApplicationContext context = ApplicationContext.builder()
                .environments(Environments.orDev(Environments.requested(System.getenv())))
                .properties(properties)
                .start()) {
            CommandFailures failures = new CommandFailures(context);
            Optional<EmbeddedEngines> engines = enginesOfStoppedService(context, err);
            try {
                return new picocli.CommandLine(CruddurCommand.class, new MicronautFactory(context))
                        .setOut(out)
                        .setErr(err)
                        .setParameterExceptionHandler(failures)
                        .setExecutionExceptionHandler(failures)
                        .execute(args);
            } finally {
                engines.ifPresent(EmbeddedEngines::close);
            }
        }
    }

    /**
     * In dev, with the service stopped (nothing answers on its engines' loopback ports) and its data
     * directory there, the command starts the engines on that directory for its own run, so that the
     * data can be read and changed without the service. {@code cruddur.embedded.data-dir} names the
     * directory for a test; otherwise it is the one the service would use.
     */
    private static Optional<EmbeddedEngines> enginesOfStoppedService(ApplicationContext context, PrintWriter err) {
        if (!context.getEnvironment().getActiveNames().contains(Environments.DEV)) {
            return Optional.empty();
        }
        Optional<Path> data = context.getProperty("cruddur.embedded.data-dir", String.class).map(Path::of)
                .or(() -> EmbeddedSettings.of(System.getenv(), new String[0]).dataDirectory());
        Optional<String> endpoint = context.getProperty("aws.services.dynamodb.endpoint-override", String.class);
        Optional<String> jdbcUrl = context.getProperty("datasources.default.url", String.class);
        if (data.isEmpty() || endpoint.isEmpty() || jdbcUrl.isEmpty()) {
            return Optional.empty();
        }
        return StoppedServiceEngines.needed(data.get(), endpoint.get(), jdbcUrl.get()).map(needed -> {
            err.println("cruddur-messaging: the service is stopped; its engines run on " + needed.dataDirectory()
                    + " for this command");
            return EmbeddedEngines.start(new EmbeddedSettings(Optional.of(needed.dataDirectory()), "127.0.0.1",
                    needed.dynamoDbPort(), needed.postgresPort()));
        });
    }
}
