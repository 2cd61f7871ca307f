package com.cruddur.messaging.app.build;

import com.cruddur.messaging.app.FreePorts;
import com.cruddur.messaging.app.Http;
import com.cruddur.messaging.app.bench.ServiceProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Makes the jar's class-data sharing archive (AppCDS), which the README's start command gives the JVM:
 * start-up is mostly loading and verifying classes, and the archive holds them ready. A training run
 * records what a start and a first conversation load: the jar as users start it (a throwaway run on free
 * ports, 127.0.0.1 only), a dev token, a list, a send by handle, a send with a client id, a read and a
 * mark-read; then a normal stop, at which the JVM writes the archive. Run by the build
 * ({@code -DskipTests package}, the start command's build); a run that fails leaves no archive and says
 * why, and the service then starts without one.
 *
 * <p>Arguments: the jar, the archive to write.
 */
public final class ClassDataTraining {
    private ClassDataTraining() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        Path archive = Path.of(args[1]);
        Files.deleteIfExists(archive);
        Path log = Files.createTempFile("cruddur-cds-training", ".log");
        int port = FreePorts.pick();
        Map<String, String> environment = Map.of("JAVA_TOOL_OPTIONS", "-XX:ArchiveClassesAtExit=" + archive,
                "CRUDDUR_THROWAWAY", "true",
                "MICRONAUT_SERVER_PORT", String.valueOf(port),
                "CRUDDUR_EMBEDDED_DYNAMODB_PORT", String.valueOf(FreePorts.pick()),
                "CRUDDUR_EMBEDDED_POSTGRES_PORT", String.valueOf(FreePorts.pick()));
        long started = System.nanoTime();
        try (ServiceProcess service = ServiceProcess.start(jar, environment, log, port, new int[] {port})) {
            converse(new Http(URI.create("http://127.0.0.1:" + port)));
            // The JVM writes the archive as it exits, which on a machine busy with another build took over 30 s:
            // wait for the exit itself rather than kill it after a while.
            if (!service.stop(Duration.ofMinutes(5))) {
                throw new IllegalStateException("the training run did not exit within 5 minutes of its stop");
            }
        } catch (IOException | RuntimeException | AssertionError failed) {
            Files.deleteIfExists(archive);
            System.err.println("[cds] no class-data archive: the training run failed (" + failed.getMessage() + "); see " + log);
            return;
        }
        if (Files.exists(archive)) {
            System.out.printf("[cds] %s: %d MB, from a %d s training run%n", archive, Files.size(archive) >> 20,
                    Duration.ofNanos(System.nanoTime() - started).toSeconds());
        } else {
            System.err.println("[cds] no class-data archive was written; see " + log);
        }
    }

    private static void converse(Http http) {
        String token = http.devToken("andrewbrown");
        String group = Http.extract(ok(http.get("/api/message_groups", token)).body(), "\"uuid\":\"([^\"]+)\"");
        ok(http.post("/api/messages", token, "{\"message\":\"hello\",\"handle\":\"londo\"}"));
        ok(http.post("/api/messages", token, "{\"message\":\"again\",\"message_group_uuid\":\"" + group
                + "\",\"client_message_id\":\"training-1\"}"));
        ok(http.get("/api/messages/" + group, token));
        ok(http.post("/api/message_groups/" + group + "/read", token, "{}"));
    }

    private static HttpResponse<String> ok(HttpResponse<String> response) {
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(response.request().method() + " " + response.uri().getPath() + " answered "
                    + response.statusCode());
        }
        return response;
    }

}
