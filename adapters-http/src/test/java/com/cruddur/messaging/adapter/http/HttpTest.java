package com.cruddur.messaging.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.adapter.memory.InMemoryUserDirectory;
import com.cruddur.messaging.domain.model.User;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.TestInstance;

/** What every test of the API shares: a user pool stand-in, real HTTP to the server, fresh users. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HttpTest implements TestPropertyProvider {
    static final CognitoStandIn COGNITO = new CognitoStandIn();
    static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    static final String TIMESTAMP = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}\\+00:00";

    @Inject
    EmbeddedServer server;

    @Inject
    InMemoryUserDirectory directory;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>();
        COGNITO.properties().forEach((key, value) -> properties.put(key, String.valueOf(value)));
        return properties;
    }

    Api api() {
        return new Api(server.getURI());
    }

    User newUser(String name) {
        return TestWiring.register(directory, name);
    }

    static String tokenOf(User user) {
        return COGNITO.accessToken(TestWiring.sub(user));
    }

    /** Polls the condition until it holds, failing after 20 seconds. */
    static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("in time").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    /** The first group of the pattern in the text, failing if the text does not match. */
    static String extract(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("'" + text + "' does not match " + regex);
        }
        return matcher.group(1);
    }
}
