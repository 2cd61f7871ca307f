package com.cruddur.messaging.app.cli;

import com.cruddur.messaging.adapter.postgres.PostgresFailures;
import com.cruddur.messaging.domain.error.StoreUnavailableException;
import io.micronaut.core.value.PropertyResolver;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * What a failed command tells its user: one or two lines on stderr saying which engine or argument
 * is wrong and what to do, and an exit status from {@code sysexits.h} (listed in the README). The
 * stack trace only with {@code --verbose}.
 */
final class CommandFailures implements IExecutionExceptionHandler, IParameterExceptionHandler {
    static final int FAILED = 1;
    static final int USAGE = 64;
    static final int UNAVAILABLE = 69;
    static final int CONFIG = 78;
    static final String VERBOSE = "--verbose";

    private static final String START_THE_SERVICE = "start the service (java -jar app/target/cruddur-messaging.jar),"
            + " whose embedded default runs it,";
    private static final String POSTGRES_DATABASE_MISSING = "3D000";
    private static final String POSTGRES_TABLE_MISSING = "42P01";

    private final PropertyResolver settings;

    CommandFailures(PropertyResolver settings) {
        this.settings = settings;
    }

    @Override
    public int handleParseException(ParameterException wrong, String[] args) {
        PrintWriter err = wrong.getCommandLine().getErr();
        err.println("cruddur-messaging: " + wrong.getMessage());
        err.println("  usage: " + wrong.getCommandLine().getCommandSpec().qualifiedName() + " --help");
        return USAGE;
    }

    @Override
    public int handleExecutionException(Exception failure, CommandLine command, ParseResult parsed) {
        PrintWriter err = command.getErr();
        Explained explained = explain(failure, command.getCommandSpec().qualifiedName());
        err.println("cruddur-messaging: " + explained.message());
        if (verbose(parsed)) {
            failure.printStackTrace(err);
        } else if (explained.status() == FAILED) {
            err.println("  (" + VERBOSE + " shows the stack trace)");
        }
        return explained.status();
    }

    private record Explained(int status, String message) {
    }

    private Explained explain(Exception failure, String command) {
        if (failure instanceof CommandException known) {
            return new Explained(known.status(), known.getMessage());
        }
        Optional<StoreUnavailableException> store = cause(failure, StoreUnavailableException.class);
        if (cause(failure, ResourceNotFoundException.class).isPresent()) {
            return new Explained(UNAVAILABLE, "DynamoDB at " + dynamoDbEndpoint() + " has no table "
                    + settings.get("cruddur.dynamodb.table", String.class).orElse("cruddur-messages")
                    + ".\n  Run `ddb schema-load` (the service's embedded default creates it when it starts).");
        }
        // The AWS SDK's failures first: their causes include the same socket errors as PostgreSQL's.
        if (store.map(s -> !s.store().equals(PostgresFailures.STORE)).orElse(false) || cause(failure, SdkException.class).isPresent()) {
            return command.contains(" cognito ") ? cognitoUnavailable() : dynamoDbUnavailable();
        }
        Optional<String> sqlState = cause(failure, SQLException.class).map(SQLException::getSQLState);
        if (sqlState.filter(POSTGRES_DATABASE_MISSING::equals).isPresent()) {
            return new Explained(UNAVAILABLE, "PostgreSQL at " + jdbcUrl() + " has no such database.\n"
                    + "  Run `db setup` to create and load it.");
        }
        if (sqlState.filter(POSTGRES_TABLE_MISSING::equals).isPresent()) {
            return new Explained(UNAVAILABLE, "PostgreSQL at " + jdbcUrl() + " has no schema yet.\n"
                    + "  Run `db setup` (or `db schema-load`) to load it.");
        }
        if (store.isPresent() || PostgresFailures.isOutage(failure)) {
            return postgresUnavailable();
        }
        return new Explained(FAILED, command.substring(command.indexOf(' ') + 1) + " failed: " + rootMessage(failure));
    }

    private Explained dynamoDbUnavailable() {
        return new Explained(UNAVAILABLE, "DynamoDB is not reachable at " + dynamoDbEndpoint() + ".\n  Either "
                + START_THE_SERVICE + " or point AWS_SERVICES_DYNAMODB_ENDPOINT_OVERRIDE (dev) / AWS_REGION (prod) elsewhere.");
    }

    private Explained postgresUnavailable() {
        return new Explained(UNAVAILABLE, "PostgreSQL is not reachable at " + jdbcUrl() + ".\n  Either "
                + START_THE_SERVICE + " or point DATASOURCES_DEFAULT_URL (dev) / CRUDDUR_JDBC_URL (prod) elsewhere.");
    }

    private Explained cognitoUnavailable() {
        return new Explained(UNAVAILABLE, "the Cognito user pool "
                + settings.get("cruddur.cognito.user-pool-id", String.class).orElse("?") + " is not reachable"
                + settings.get("cruddur.cognito.endpoint", String.class).map(endpoint -> " at " + endpoint).orElse("")
                + ".\n  Check the network, AWS credentials, and CRUDDUR_COGNITO_REGION / CRUDDUR_COGNITO_USER_POOL_ID.");
    }

    private String dynamoDbEndpoint() {
        return settings.get("aws.services.dynamodb.endpoint-override", String.class)
                .orElse("AWS's endpoint in region " + settings.get("aws.region", String.class).orElse("(none)"));
    }

    private String jdbcUrl() {
        return settings.get("datasources.default.url", String.class).orElse("(datasources.default.url is not set)");
    }

    private static boolean verbose(ParseResult parsed) {
        for (ParseResult level = parsed; level != null; level = level.subcommand()) {
            if (level.hasMatchedOption(VERBOSE)) {
                return true;
            }
        }
        return false;
    }

    private static <T extends Throwable> Optional<T> cause(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return Optional.of(type.cast(cause));
            }
        }
        return Optional.empty();
    }

    /** The innermost cause's message, first line only (also the command line's own start-up failures). */
    static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
