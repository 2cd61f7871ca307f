package com.cruddur.messaging.lambda;

import com.cruddur.messaging.devengines.LocalDynamoDb;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The stream Lambda's deployment package as built: what it holds and does not hold, its size, and
 * that the handler loads, is built and answers a batch from the package alone (a class loader that
 * sees nothing of this build's class path, as Lambda's runtime sees only the package).
 */
class StreamLambdaPackageIT {
    private static final Path PACKAGE = Path.of(System.getProperty("package.jar", "target/cruddur-stream-lambda.jar"));
    private static final String HANDLER = "com.cruddur.messaging.lambda.StreamFunction";

    @Test
    void holdsTheHandlerAndWhatItNeedsAndNothingOfTheDevEnginesOrTheServer() throws IOException {
        List<String> entries = entries();

        assertThat(entries).contains(
                HANDLER.replace('.', '/') + ".class",
                "com/cruddur/messaging/adapter/stream/MessageProjector.class",
                "com/cruddur/messaging/adapter/dynamodb/DynamoDbConversationStore.class",
                "com/cruddur/messaging/domain/application/usecase/ProjectMessage.class",
                "com/amazonaws/services/lambda/runtime/RequestHandler.class",
                "com/amazonaws/services/lambda/runtime/events/DynamodbEvent.class",
                "software/amazon/awssdk/services/dynamodb/DynamoDbClient.class",
                "software/amazon/awssdk/http/urlconnection/UrlConnectionHttpClient.class",
                "com/github/benmanes/caffeine/cache/Caffeine.class",
                "org/slf4j/simple/SimpleLogger.class");
        assertThat(entries).as("no DynamoDB Local, SQLite, embedded PostgreSQL, HTTP server or unused SDK HTTP client")
                .noneMatch(entry -> entry.startsWith("com/amazonaws/services/dynamodbv2/local/")
                        || entry.startsWith("com/almworks/") || entry.startsWith("native/") || entry.endsWith(".so")
                        || entry.contains("LocalDynamoDb")
                        || entry.startsWith("io/zonky/") || entry.startsWith("org/postgresql/")
                        || entry.startsWith("org/eclipse/jetty/") || entry.startsWith("io/netty/")
                        || entry.startsWith("io/micronaut/") || entry.startsWith("software/amazon/awssdk/http/apache/")
                        || entry.startsWith("software/amazon/awssdk/http/nio/"));
    }

    @Test
    void isSmallEnoughToUploadDirectly() throws IOException {
        long megabytes = Files.size(PACKAGE) / (1024 * 1024);
        System.out.printf("[stream-lambda] %s: %d MB%n", PACKAGE.getFileName(), megabytes);

        assertThat(megabytes).as("package size in MB").isLessThan(20);
    }

    @Test
    void theHandlerIsBuiltAndAnswersAnEmptyBatchFromThePackageAlone() throws Exception {
        try (URLClassLoader lambda = new URLClassLoader(new URL[] {PACKAGE.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            Class<?> handlerClass = lambda.loadClass(HANDLER);
            Object handler = handlerClass.getConstructor().newInstance();
            Class<?> eventClass = lambda.loadClass("com.amazonaws.services.lambda.runtime.events.DynamodbEvent");
            Object event = eventClass.getConstructor().newInstance();
            eventClass.getMethod("setRecords", List.class).invoke(event, List.of());
            Method handle = handlerClass.getMethod("handleRequest", eventClass,
                    lambda.loadClass("com.amazonaws.services.lambda.runtime.Context"));

            Object response = handle.invoke(handler, event, null);

            assertThat(response.getClass().getMethod("getBatchItemFailures").invoke(response)).isEqualTo(List.of());
        }
    }

    private static List<String> entries() throws IOException {
        try (JarFile jar = new JarFile(PACKAGE.toFile())) {
            return Collections.list(jar.entries()).stream().map(JarEntry::getName).toList();
        }
    }
}
