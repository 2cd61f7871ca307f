package com.cruddur.messaging.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.app.FreePorts;
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
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
        "cognito update-cognito-user-ids --help", "token --help", "users --help", "users export --help", "users erase --help"})
    void everyCommandExplainsItself(String command) {
        Run run = run(TestEngines.settings("dynamodb", "postgres"), command.split(" "));

        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("Usage: cruddur-messaging").contains("-h, --help");
    }

    /** The jar runs the service unless its first argument names a command: each command must be one it knows. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"db", "ddb", "cognito", "token", "users", "--help"})
    void everyCommandIsRunAsACommandNotAsTheService(String command) {
        assertThat(CommandLine.handles(new String[] {command, "--help"})).isTrue();
        assertThat(CommandLine.handles(new String[] {"--data-dir=/tmp/x"})).isFalse();
    }

    @Test
    void dbCommandsLoadAFreshDatabaseAndCanRunAgain() {
        Map<String, Object> settings = database("cli_db_" + System.nanoTime());

        assertThat(ok(run(settings, "db", "create"))).startsWith("created database cli_db_");
        assertThat(ok(run(settings, "db", "schema-load"))).contains("schema at version 8, 8 migrations applied");
        assertThat(ok(run(settings, "db", "seed"))).contains("demo users added: 3");
        assertThat(ok(run(settings, "db", "setup"))).contains("database exists", "schema at version 8, 0 migrations applied",
                "demo users added: 0");
        assertThat(ok(run(settings, "db", "sessions"))).startsWith("pid\tuser\tapplication\tclient\tstate");
        assertThat(ok(run(settings, "db", "drop"))).startsWith("dropped database cli_db_");
        assertThat(ok(run(settings, "db", "drop"))).startsWith("no database cli_db_");
    }

    @Test
    void ddbCommandsManageTheTableAndReadTheDemoConversation() {
        Map<String, Object> settings = new HashMap<>(TestEngines.settings("dynamodb", "memory"));
        String table = "cli-messages-" + System.nanoTime();
        settings.put("cruddur.dynamodb.table", table);

        assertThat(ok(run(settings, "ddb", "schema-load"))).startsWith("created table " + table);
        assertThat(ok(run(settings, "ddb", "list-tables"))).contains(table);
        String seeded = ok(run(settings, "ddb", "seed"));
        String group = seeded.substring(seeded.lastIndexOf(' ') + 1).strip();
        assertThat(seeded).startsWith("wrote demo conversation");
        assertThat(ok(run(settings, "ddb", "seed"))).startsWith("already there: demo conversation " + group);
        assertThat(ok(run(settings, "ddb", "get-conversation", group)).lines().toList()).hasSize(5)
                .allMatch(line -> line.contains("andrewbrown: ") || line.contains("bayko: "));
        assertThat(ok(run(settings, "ddb", "list-conversations", "andrewbrown"))).contains(group, "with bayko");
        assertThat(ok(run(settings, "ddb", "scan"))).contains("MSG#" + group, "PAIR#", "MEMBERS#" + group);
        assertThat(ok(run(settings, "ddb", "drop"))).startsWith("deleted table " + table);
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

            assertThat(ok(run(settings, "cognito", "list-users")).strip())
                    .isEqualTo("{\"andrewbrown\":\"pool-sub-andrew\",\"ghost\":\"pool-sub-ghost\"}");
            assertThat(requests).allSatisfy(body -> assertThat(body).contains("\"UserPoolId\":\"us-east-1_Stub\"",
                    "preferred_username", "sub"));
            assertThat(ok(run(settings, "cognito", "update-cognito-user-ids")))
                    .contains("---- andrewbrown pool-sub-andrew updated", "---- ghost pool-sub-ghost (no such user");
            String token = ok(run(settings, "token", "andrewbrown")).strip();
            assertThat(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8))
                    .contains("\"sub\":\"pool-sub-andrew\"");
        } finally {
            pool.stop(0);
        }
    }

    @Test
    void tokensAreMintedInDevOnly() {
        String token = ok(run(TestEngines.settings("dynamodb", "memory"), "token", "bayko")).strip();
        assertThat(token.split("\\.")).hasSize(3);

        Map<String, Object> production = new HashMap<>(TestEngines.settings("dynamodb", "memory"));
        production.putAll(Map.of("micronaut.environments", "prod", "aws.region", "us-east-1",
                "cruddur.cognito.region", "us-east-1", "cruddur.cognito.user-pool-id", "p", "cruddur.cognito.client-id", "c",
                "cruddur.frontend-origin", "https://cruddur.example", "datasources.default.username", "postgres",
                "datasources.default.password", ""));
        System.setProperty("micronaut.environments", "prod");
        try {
            Run refused = run(production, "token", "bayko");
            assertThat(refused.exit()).isEqualTo(78);
            assertThat(refused.err()).contains("only in the dev environment");
        } finally {
            System.clearProperty("micronaut.environments");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"db create, PostgreSQL", "db drop, PostgreSQL", "db schema-load, PostgreSQL", "db seed, PostgreSQL",
        "db setup, PostgreSQL", "db sessions, PostgreSQL", "ddb schema-load, DynamoDB", "ddb list-tables, DynamoDB",
        "ddb drop, DynamoDB", "ddb scan, DynamoDB", "ddb seed, DynamoDB",
        "ddb get-conversation 6f1c3a52-0b6e-4a43-9d55-6f0c0e4b8a11, DynamoDB", "ddb list-conversations, PostgreSQL",
        "cognito list-users, Cognito", "cognito update-cognito-user-ids, Cognito", "token, PostgreSQL"})
    void aCommandThatCannotReachItsEngineSaysWhichAndWhatToDo(String command, String engine) {
        Map<String, Object> settings = unreachable();

        Run run = run(settings, command.split(" "));

        assertThat(run.exit()).as(run.err()).isEqualTo(69);
        assertThat(run.err().lines()).as(run.err()).hasSizeBetween(1, 2);
        assertThat(run.err()).contains(engine, "not reachable", switch (engine) {
            case "PostgreSQL" -> settings.get("datasources.default.url").toString();
            case "DynamoDB" -> settings.get("aws.services.dynamodb.endpoint-override").toString();
            default -> settings.get("cruddur.cognito.endpoint").toString();
        }).doesNotContain("Exception", "\tat ");
        assertThat(run.err()).containsAnyOf("start the service", "CRUDDUR_COGNITO_USER_POOL_ID");
    }

    @Test
    void verboseAddsTheStackTrace() {
        Run run = run(unreachable(), "ddb", "list-tables", "--verbose");

        assertThat(run.exit()).isEqualTo(69);
        assertThat(run.err()).contains("DynamoDB is not reachable", "SdkClientException", "\tat ");
    }

    @Test
    void aMissingTableIsNamedWithTheCommandThatMakesIt() {
        Map<String, Object> settings = new HashMap<>(TestEngines.settings("dynamodb", "memory"));
        settings.put("cruddur.dynamodb.table", "no-such-table-" + System.nanoTime());

        Run run = run(settings, "ddb", "scan");

        assertThat(run.exit()).isEqualTo(69);
        assertThat(run.err()).contains("has no table no-such-table-", "ddb schema-load").doesNotContain("\tat ");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"db create", "db drop", "db schema-load", "db seed", "db setup", "db sessions",
        "ddb schema-load", "ddb list-tables", "ddb drop", "ddb scan", "ddb seed", "ddb get-conversation x",
        "ddb list-conversations", "cognito list-users", "cognito update-cognito-user-ids", "token"})
    void anUnknownOptionIsAUsageErrorThatChangesNothing(String command) {
        Run run = run(unreachable(), (command + " --no-such-option").split(" "));

        assertThat(run.exit()).isEqualTo(64);
        assertThat(run.err().lines().toList()).hasSize(2).first().asString().contains("Unknown option: '--no-such-option'");
        assertThat(run.err()).contains("usage: cruddur-messaging " + command.replace(" x", "") + " --help");
    }

    @Test
    void wrongArgumentsSayWhatIsWrongInOneLine() {
        Map<String, Object> settings = database("cli_arguments_" + System.nanoTime());
        ok(run(settings, "db", "setup"));

        assertUsage(run(settings, "ddb", "get-conversation", "not-a-uuid"), "not a message group uuid: not-a-uuid");
        assertUsage(run(settings, "ddb", "get-conversation"), "Missing required parameter: 'MESSAGE_GROUP_UUID'");
        assertUsage(run(settings, "ddb", "list-conversations", "nobody-at-all"), "no user with handle nobody-at-all");
        assertUsage(run(settings, "token", "nobody-at-all"), "no signed-up user with handle nobody-at-all");
        assertUsage(run(settings, "ddb", "no-such-command"), "Unmatched argument");
    }

    @Test
    void aDatabaseWithoutItsSchemaIsNamedWithTheCommandThatLoadsIt() {
        Map<String, Object> settings = database("cli_empty_" + System.nanoTime());
        ok(run(settings, "db", "create"));

        Run run = run(settings, "ddb", "list-conversations", "andrewbrown");

        assertThat(run.exit()).isEqualTo(69);
        assertThat(run.err()).contains("has no schema yet", "db setup").doesNotContain("\tat ");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"list-users", "update-cognito-user-ids"})
    void theDevSettingsNameNoUserPoolAndTheCommandSaysSo(String command) {
        Run run = run(TestEngines.settings("dynamodb", "postgres"), "cognito", command);

        assertThat(run.exit()).isEqualTo(78);
        assertThat(run.err()).contains("no Cognito user pool is configured", "CRUDDUR_COGNITO_REGION",
                "CRUDDUR_COGNITO_USER_POOL_ID").doesNotContain("amazonaws.com");
        assertThat(run.err().lines()).hasSize(2);
    }

    @Test
    @Tag("long") // CI runs it (README, Tests)
    void withTheServiceStoppedCommandsRunItsEnginesOnItsDataDirectory(@TempDir Path data) {
        Map<String, Object> settings = stoppedService(data);

        assertThat(ok(run(settings, "db", "setup"))).contains("demo users added: 3");
        assertThat(ok(run(settings, "ddb", "schema-load"))).startsWith("created table");
        String seeded = ok(run(settings, "ddb", "seed"));
        String group = seeded.substring(seeded.lastIndexOf(' ') + 1).strip();
        Run listed = run(settings, "ddb", "list-conversations", "andrewbrown");

        assertThat(ok(listed)).contains(group, "with bayko");
        assertThat(listed.err()).contains("the service is stopped; its engines run on " + data);
        assertThat(data.resolve("postgres").resolve("postmaster.pid")).as("the engines stop with the command").doesNotExist();
    }

    @Test
    void noEngineStartsWhenTheEndpointsAreNotTheEmbeddedDefaultsOwn(@TempDir Path data) {
        Map<String, Object> settings = stoppedService(data);
        settings.put("cruddur.embedded.dynamodb-port", FreePorts.pick());
        settings.put("cruddur.embedded.postgres-port", FreePorts.pick());
        settings.put("cruddur.dynamodb.max-attempts", 1);
        settings.put("datasources.default.connection-timeout", 500);

        Run listed = run(settings, "ddb", "list-tables");

        assertThat(listed.exit()).as(listed.err()).isEqualTo(69);
        assertThat(listed.err()).doesNotContain("the service is stopped").doesNotContain("\tat ");
        assertThat(listed.err().lines()).hasSizeLessThanOrEqualTo(2);
        assertThat(data.resolve("postgres")).as("no engine started on the data directory").doesNotExist();
    }

    @Test
    void theUsersOfThePoolNeedNoEngineOfOurs(@TempDir Path data) {
        Run listed = run(stoppedService(data), "cognito", "list-users");

        assertThat(listed.exit()).as(listed.err()).isEqualTo(78);
        assertThat(listed.err()).doesNotContain("the service is stopped");
        assertThat(data.resolve("postgres")).doesNotExist();
    }

    @Test
    void enginesThatCannotStartForACommandAreTwoLinesAndExit69(@TempDir Path data) throws IOException {
        Files.writeString(data.resolve("postgres"), "not a directory");

        Run listed = run(stoppedService(data), "ddb", "list-tables");

        assertThat(listed.exit()).isEqualTo(69);
        assertThat(listed.err()).contains("did not start for this command").doesNotContain("\tat ");
        assertThat(listed.err().lines()).hasSizeLessThanOrEqualTo(3); // the "service is stopped" line, then two
    }

    @Test
    @Tag("long") // CI runs it (README, Tests)
    void withCruddurEmbeddedFalseNoCommandStartsEnginesOfTheDataDirectory(@TempDir Path data) throws Exception {
        Files.createDirectories(data.resolve("data"));
        ProcessBuilder command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), com.cruddur.messaging.app.Application.class.getName(),
                "ddb", "list-tables").redirectErrorStream(true);
        command.environment().put("CRUDDUR_EMBEDDED", "false");
        command.environment().put("CRUDDUR_DATA_DIR", data.resolve("data").toString());
        command.environment().put("AWS_SERVICES_DYNAMODB_ENDPOINT_OVERRIDE", "http://127.0.0.1:" + FreePorts.pick());
        command.environment().put("DATASOURCES_DEFAULT_URL", "jdbc:postgresql://127.0.0.1:" + FreePorts.pick() + "/cruddur");
        command.environment().put("CRUDDUR_DYNAMODB_MAX_ATTEMPTS", "1");
        Process process = command.start();
        String output = new String(process.getInputStream().readAllBytes());

        assertThat(process.waitFor()).as(output).isEqualTo(69);
        assertThat(output).doesNotContain("the service is stopped").doesNotContain("\tat ");
        assertThat(data.resolve("data").resolve("postgres")).doesNotExist();
    }

    /** The embedded default's settings with its service stopped: its endpoints on loopback ports nothing listens on. */
    private static Map<String, Object> stoppedService(Path data) {
        int dynamoDb = FreePorts.pick();
        int postgres = FreePorts.pick();
        Map<String, Object> settings = new HashMap<>(TestEngines.settings("dynamodb", "postgres"));
        settings.put("aws.services.dynamodb.endpoint-override", "http://127.0.0.1:" + dynamoDb);
        settings.put("datasources.default.url", "jdbc:postgresql://127.0.0.1:" + postgres + "/cruddur");
        settings.put("cruddur.embedded.dynamodb-port", dynamoDb);
        settings.put("cruddur.embedded.postgres-port", postgres);
        settings.put("cruddur.embedded.data-dir", data.toString());
        return settings;
    }

    private static void assertUsage(Run run, String message) {
        assertThat(run.exit()).as(run.err()).isEqualTo(64);
        assertThat(run.err().lines().findFirst().orElse("")).contains(message);
        assertThat(run.err()).doesNotContain("\tat ");
    }

    /** Settings whose DynamoDB, PostgreSQL and Cognito endpoints are loopback ports nothing listens on. */
    private static Map<String, Object> unreachable() {
        Map<String, Object> settings = new HashMap<>(TestEngines.settings("dynamodb", "postgres"));
        settings.put("aws.services.dynamodb.endpoint-override", "http://127.0.0.1:" + FreePorts.pick());
        settings.put("cruddur.dynamodb.max-attempts", 1);
        settings.put("datasources.default.url", "jdbc:postgresql://127.0.0.1:" + FreePorts.pick() + "/cruddur");
        settings.put("datasources.default.connection-timeout", 500);
        settings.put("cruddur.cognito.endpoint", "http://127.0.0.1:" + FreePorts.pick());
        settings.put("cruddur.cognito.region", "us-east-1");
        settings.put("cruddur.cognito.user-pool-id", "us-east-1_Stub");
        settings.put("cruddur.embedded.data-dir", "/nonexistent/cruddur-messaging-data");
        return settings;
    }


    private static String ok(Run run) {
        assertThat(run.exit()).as(run.err()).isZero();
        return run.out();
    }

    private static Map<String, Object> database(String name) {
        Map<String, Object> settings = new HashMap<>(TestEngines.settings("dynamodb", "postgres"));
        settings.put("datasources.default.url", TestEngines.POSTGRES.jdbcUrl(name));
        return settings;
    }

    /** Runs a command in this JVM with extra settings; what it printed and its exit status. */
    static Run run(Map<String, Object> settings, String... args) {
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
