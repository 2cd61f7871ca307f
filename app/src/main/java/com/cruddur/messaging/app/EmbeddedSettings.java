package com.cruddur.messaging.app;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Where the embedded default keeps its data and whom it listens to, from the environment and the
 * command line ({@code --data-dir=PATH}, {@code --throwaway} win over the variables).
 *
 * @param dataDirectory where DynamoDB Local and PostgreSQL keep their files; empty for a throwaway run
 * @param host          the address both engines listen on: loopback unless {@code CRUDDUR_EMBEDDED_BIND_ADDRESS} says otherwise
 */
public record EmbeddedSettings(Optional<Path> dataDirectory, String host, int dynamoDbPort, int postgresPort) {
    static final String DATA_DIR_OPTION = "--data-dir=";
    static final String THROWAWAY_OPTION = "--throwaway";

    public static EmbeddedSettings of(Map<String, String> environment, String[] args) {
        boolean throwaway = Arrays.asList(args).contains(THROWAWAY_OPTION)
                || "true".equalsIgnoreCase(environment.getOrDefault("CRUDDUR_THROWAWAY", "false"));
        Optional<Path> data = throwaway ? Optional.empty() : Optional.of(Arrays.stream(args)
                .filter(arg -> arg.startsWith(DATA_DIR_OPTION)).map(arg -> arg.substring(DATA_DIR_OPTION.length()))
                .findFirst()
                .or(() -> Optional.ofNullable(environment.get("CRUDDUR_DATA_DIR")).filter(dir -> !dir.isBlank()))
                .map(Path::of)
                .orElseGet(() -> defaultDataDirectory(environment))
                .toAbsolutePath().normalize());
        return new EmbeddedSettings(data, environment.getOrDefault("CRUDDUR_EMBEDDED_BIND_ADDRESS", "127.0.0.1"),
                port(environment, "CRUDDUR_EMBEDDED_DYNAMODB_PORT", 8000),
                port(environment, "CRUDDUR_EMBEDDED_POSTGRES_PORT", 5433));
    }

    /** The XDG data home's {@code cruddur-messaging}, as other tools of a user's machine keep theirs. */
    private static Path defaultDataDirectory(Map<String, String> environment) {
        String dataHome = environment.get("XDG_DATA_HOME");
        Path base = dataHome != null && !dataHome.isBlank() ? Path.of(dataHome)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("cruddur-messaging");
    }

    private static int port(Map<String, String> environment, String name, int fallback) {
        String value = environment.get(name);
        try {
            return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number, not '" + value + "'", e);
        }
    }
}
