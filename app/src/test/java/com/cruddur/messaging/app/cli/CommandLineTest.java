package com.cruddur.messaging.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.app.TestEngines;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The original's bin/ scripts as commands, run against real engines (and a stand-in Cognito endpoint on 127.0.0.1). */
class CommandLineTest {

    record Run(int exit, String out, String err) {
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"--help", "db --help", "db create --help", "db drop --help", "db schema-load --help",
        "db migrate --help", "db seed --help", "db setup --help", "db sessions --help", "ddb --help",
        "ddb schema-load --help", "ddb list-tables --help", "ddb drop --help", "ddb scan --help", "ddb seed --help",
        "ddb get-conversation --help", "ddb list-conversations --help", "cognito --help", "cognito list-users --help",
        "cognito update-cognito-user-ids --help", "token --help"})
    void everyCommandExplainsItself(String command) {
        Run run = run(TestEngines.settings("dynamodb", "postgres"), command.split(" "));

        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("Usage: cruddur-messaging").contains("-h, --help");
    }

    @Test
    void dbCommandsLoadAFreshDatabaseAndCanRunAgain() {
        Map<String, Object> settings = database("cli_db_" + System.nanoTime());

        assertThat(run(settings, "db", "create").out()).startsWith("created database cli_db_");
        assertThat(run(settings, "db", "schema-load").out()).contains("schema at version 3, 3 migrations applied");
        assertThat(run(settings, "db", "seed").out()).contains("demo users added: 3");
        assertThat(run(settings, "db", "setup").out()).contains("database exists", "schema at version 3, 0 migrations applied",
                "demo users added: 0");
        assertThat(run(settings, "db", "sessions").out()).startsWith("pid\tuser\tapplication\tclient\tstate");
        assertThat(run(settings, "db", "drop").out()).startsWith("dropped database cli_db_");
        assertThat(run(settings, "db", "drop").out()).startsWith("no database cli_db_");
    }

    @Test
    void ddbCommandsManageTheTableAndReadTheDemoConversation() {
        Map<String, Object> settings = new HashMap<>(TestEngines.settings("dynamodb", "memory"));
        String table = "cli-messages-" + System.nanoTime();
        settings.put("cruddur.dynamodb.table", table);

        assertThat(run(settings, "ddb", "schema-load").out()).startsWith("created table " + table);
        assertThat(run(settings, "ddb", "list-tables").out()).contains(table);
        String seeded = run(settings, "ddb", "seed").out();
        String group = seeded.substring(seeded.lastIndexOf(' ') + 1).strip();
        assertThat(seeded).startsWith("wrote demo conversation");
        assertThat(run(settings, "ddb", "seed").out()).startsWith("already there: demo conversation " + group);
        assertThat(run(settings, "ddb", "get-conversation", group).out().lines().toList()).hasSize(5)
                .allMatch(line -> line.contains("andrewbrown: ") || line.contains("bayko: "));
        assertThat(run(settings, "ddb", "list-conversations", "andrewbrown").out()).contains(group, "with bayko");
        assertThat(run(settings, "ddb", "scan").out()).contains("MSG#" + group, "PAIR#", "MEMBERS#" + group);
        assertThat(run(settings, "ddb", "get-conversation", "not-a-uuid").exit()).isEqualTo(2);
        assertThat(run(settings, "ddb", "drop").out()).startsWith("deleted table " + table);
    }

    @Test
    void cognitoCommandsListThePoolAndCopyItsIdsIntoTheDatabase() throws IOException {
        List<String> requests = new ArrayList<>();
        HttpServer pool = cognitoStandIn(requests);
        try {
            Map<String, Object> settings = database("cli_cognito_" + System.nanoTime());
            settings.put("cruddur.cognito.endpoint", "http://127.0.0.1:" + pool.getAddress().getPort());
            settings.put("cruddur.cognito.region", "us-east-1");
            settings.put("cruddur.cognito.user-pool-id", "us-east-1_Stub");
            run(settings, "db", "setup");

            assertThat(run(settings, "cognito", "list-users").out().strip())
                    .isEqualTo("{\"andrewbrown\":\"pool-sub-andrew\",\"ghost\":\"pool-sub-ghost\"}");
            assertThat(requests).allSatisfy(body -> assertThat(body).contains("\"UserPoolId\":\"us-east-1_Stub\"",
                    "preferred_username", "sub"));
            assertThat(run(settings, "cognito", "update-cognito-user-ids").out())
                    .contains("---- andrewbrown pool-sub-andrew updated", "---- ghost pool-sub-ghost (no such user");
            String token = run(settings, "token", "andrewbrown").out().strip();
            assertThat(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8))
                    .contains("\"sub\":\"pool-sub-andrew\"");
        } finally {
            pool.stop(0);
        }
    }

    @Test
    void tokensAreMintedInDevOnly() {
        String token = run(TestEngines.settings("dynamodb", "memory"), "token", "bayko").out().strip();
        assertThat(token.split("\\.")).hasSize(3);

        Map<String, Object> production = new HashMap<>(TestEngines.settings("dynamodb", "memory"));
        production.putAll(Map.of("micronaut.environments", "prod", "aws.region", "us-east-1",
                "cruddur.cognito.region", "us-east-1", "cruddur.cognito.user-pool-id", "p", "cruddur.cognito.client-id", "c",
                "cruddur.frontend-origin", "https://cruddur.example", "datasources.default.username", "postgres",
                "datasources.default.password", ""));
        System.setProperty("micronaut.environments", "prod");
        try {
            Run refused = run(production, "token", "bayko");
            assertThat(refused.exit()).isEqualTo(1);
            assertThat(refused.err()).contains("only in the dev environment");
        } finally {
            System.clearProperty("micronaut.environments");
        }
    }

    private static Map<String, Object> database(String name) {
        Map<String, Object> settings = new HashMap<>(TestEngines.settings("dynamodb", "postgres"));
        settings.put("datasources.default.url", TestEngines.POSTGRES.jdbcUrl(name));
        return settings;
    }

    private static Run run(Map<String, Object> settings, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = CommandLine.run(args, settings, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    /** Answers ListUsers the way the Cognito API does, recording each request's body. */
    private static HttpServer cognitoStandIn(List<String> requests) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            requests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = ("AWSCognitoIdentityProviderService.ListUsers".equals(target)
                    ? "{\"Users\":[" + user("andrewbrown", "pool-sub-andrew") + "," + user("ghost", "pool-sub-ghost")
                    + ",{\"Username\":\"nameless\",\"Attributes\":[{\"Name\":\"sub\",\"Value\":\"x\"}]}]}"
                    : "{\"__type\":\"UnknownOperationException\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(target != null && target.endsWith("ListUsers") ? 200 : 400, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static String user(String handle, String sub) {
        return "{\"Username\":\"" + handle + "\",\"Enabled\":true,\"Attributes\":[{\"Name\":\"preferred_username\","
                + "\"Value\":\"" + handle + "\"},{\"Name\":\"sub\",\"Value\":\"" + sub + "\"}]}";
    }
}
