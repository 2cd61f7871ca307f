package com.cruddur.messaging.app.cli;

import com.cruddur.messaging.app.Environments;
import io.micronaut.configuration.picocli.MicronautFactory;
import io.micronaut.context.ApplicationContext;
import com.cruddur.messaging.app.EmbeddedEngines;
import com.cruddur.messaging.app.EmbeddedSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;

/**
 * The command line: the original's {@code bin/} scripts as subcommands of the same jar
 * ({@code java -jar cruddur-messaging.jar db setup}). It runs in the environment the service would
 * ({@code dev} by default), so it reaches the embedded engines of a running dev service, or the
 * production stores with {@code MICRONAUT_ENVIRONMENTS=prod}. It starts no server, poller or engine.
 */
public final class CommandLine {
    /** The first words that make the jar run a command, not the service: every subcommand's name, and help. */
    private static final Set<String> COMMANDS = Stream.concat(
            Arrays.stream(CruddurCommand.class.getAnnotation(Command.class).subcommands())
                    .map(command -> command.getAnnotation(Command.class).name()),
            Stream.of("--help", "-h", "--version", "-V")).collect(Collectors.toUnmodifiableSet());

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
        // Engines started for this command stop after the context: its pool and event listener let go first, so that
        // their connections do not see the database go away under them.
        Optional<EmbeddedEngines> engines = Optional.empty();
        try (ApplicationContext context = ApplicationContext.builder()
                .environments(Environments.orDev(Environments.requested(System.getenv())))
                .properties(properties)
                .start()) {
            CommandFailures failures = new CommandFailures(context);
            try {
                engines = needsEngines(args) ? enginesOfStoppedService(context, err) : Optional.empty();
            } catch (RuntimeException e) {
                err.println("cruddur-messaging: the service's engines on its data directory did not start for this"
                        + " command: " + CommandFailures.rootMessage(e));
                err.println("start the service, or point the command at running engines (CRUDDUR_EMBEDDED=false and"
                        + " their endpoints)");
                return CommandFailures.UNAVAILABLE;
            }
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

    /** Help, version and the pool's users ask no engine of ours; every other command reads or writes a store. */
    private static boolean needsEngines(String[] args) {
        boolean listsPoolUsers = args.length > 1 && "cognito".equals(args[0]) && "list-users".equals(args[1]);
        return !listsPoolUsers && Arrays.stream(args).noneMatch(arg -> Set.of("--help", "-h", "--version", "-V").contains(arg));
    }

    /**
     * In dev, with the service stopped (nothing answers on its engines' loopback ports) and its data
     * directory there, the command starts the engines on that directory for its own run, so that the
     * data can be read and changed without the service. {@code cruddur.embedded.data-dir} names the
     * directory for a test; otherwise it is the one the service would use. Never with
     * {@code CRUDDUR_EMBEDDED=false} (the engines are elsewhere), nor when the endpoints are not the embedded
     * default's own ports ({@code cruddur.embedded.dynamodb-port}, {@code postgres-port}), nor from the production
     * jar, which carries no engines.
     */
    private static Optional<EmbeddedEngines> enginesOfStoppedService(ApplicationContext context, PrintWriter err) {
        if (!EmbeddedEngines.carried() || !context.getEnvironment().getActiveNames().contains(Environments.DEV)
                || !Environments.embedded(Set.of(), System.getenv())) {
            return Optional.empty();
        }
        Optional<Path> data = context.getProperty("cruddur.embedded.data-dir", String.class).map(Path::of)
                .or(() -> EmbeddedSettings.of(System.getenv(), new String[0]).dataDirectory());
        Optional<String> endpoint = context.getProperty("aws.services.dynamodb.endpoint-override", String.class);
        Optional<String> jdbcUrl = context.getProperty("datasources.default.url", String.class);
        Optional<Integer> dynamoDbPort = context.getProperty("cruddur.embedded.dynamodb-port", Integer.class);
        Optional<Integer> postgresPort = context.getProperty("cruddur.embedded.postgres-port", Integer.class);
        if (data.isEmpty() || endpoint.isEmpty() || jdbcUrl.isEmpty() || dynamoDbPort.isEmpty() || postgresPort.isEmpty()) {
            return Optional.empty();
        }
        return StoppedServiceEngines.needed(data.get(), endpoint.get(), jdbcUrl.get())
                .filter(needed -> needed.dynamoDbPort() == dynamoDbPort.get() && needed.postgresPort() == postgresPort.get())
                .map(needed -> {
                    err.println("cruddur-messaging: the service is stopped; its engines run on " + needed.dataDirectory()
                            + " for this command");
                    return EmbeddedEngines.start(new EmbeddedSettings(Optional.of(needed.dataDirectory()), "127.0.0.1",
                            needed.dynamoDbPort(), needed.postgresPort()));
                });
    }
}
