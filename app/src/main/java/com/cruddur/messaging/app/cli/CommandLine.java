package com.cruddur.messaging.app.cli;

import com.cruddur.messaging.app.Environments;
import io.micronaut.configuration.picocli.MicronautFactory;
import io.micronaut.context.ApplicationContext;
import java.io.PrintWriter;
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
        properties.putAll(settings);
        try (ApplicationContext context = ApplicationContext.builder()
                .environments(Environments.orDev(Environments.requested(System.getenv())))
                .properties(properties)
                .start()) {
            CommandFailures failures = new CommandFailures(context);
            return new picocli.CommandLine(CruddurCommand.class, new MicronautFactory(context))
                    .setOut(out)
                    .setErr(err)
                    .setParameterExceptionHandler(failures)
                    .setExecutionExceptionHandler(failures)
                    .execute(args);
        }
    }
}
