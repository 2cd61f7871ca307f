package com.cruddur.messaging.app;

import com.cruddur.messaging.app.cli.CommandLine;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.LoggerFactory;

/**
 * Starts Cruddur Messaging: the command line when the first argument names a command, the service
 * otherwise. Without a requested environment the service is the embedded default: {@code dev}, with
 * DynamoDB Local and PostgreSQL started in this JVM. With {@code prod}, no engine starts and every
 * required setting must come from the environment.
 */
public final class Application {
    private Application() {
    }

    public static void main(String[] args) {
        if (CommandLine.handles(args)) {
            System.exit(CommandLine.run(args, Map.of()));
        }
        Map<String, String> environment = System.getenv();
        Set<String> requested = Environments.requested(environment);
        if (requested.contains(Environments.PROD)) {
            ProductionLogs.useJsonLinesFromTheStart();
            List<String> missing = ProductionSettings.missing(environment);
            if (!missing.isEmpty()) {
                System.err.println("cruddur-messaging: not starting; production needs these environment variables: "
                        + String.join(", ", missing));
                System.exit(2);
            }
        }
        Optional<EmbeddedEngines> engines;
        try {
            engines = Environments.embedded(requested, environment)
                    ? Optional.of(EmbeddedEngines.start(EmbeddedSettings.of(environment, args)))
                    : Optional.empty();
        } catch (IllegalStateException | IllegalArgumentException refused) {
            System.err.println("cruddur-messaging: not starting; " + refused.getMessage());
            System.exit(1);
            return;
        }
        LoggerFactory.getLogger(Application.class).info("starting with environments {}{}",
                requested.isEmpty() ? "[dev] (the embedded default)" : requested,
                engines.isPresent() ? " and embedded engines" : "");
        ApplicationContext context = Micronaut.build(args)
                .mainClass(Application.class)
                .banner(false)
                .defaultEnvironments(Environments.DEV)
                .properties(Tracing.settings(environment, System.getProperties()))
                .properties(engines.map(EmbeddedEngines::settings).orElse(Map.of()))
                .start();
        // Micronaut's own shutdown hook stops the context; the engines go only after it, so nothing loses its store mid-stop.
        engines.ifPresent(started -> Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            awaitStopped(context, Duration.ofSeconds(15));
            started.close();
        }, "embedded-engines-shutdown")));
    }

    private static void awaitStopped(ApplicationContext context, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (context.isRunning() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
