package com.cruddur.messaging.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.adapter.dynamodb.DynamoDbClients;
import com.cruddur.messaging.adapter.dynamodb.DynamoDbConversationStore;
import com.cruddur.messaging.adapter.dynamodb.DynamoDbSettings;
import com.cruddur.messaging.adapter.dynamodb.table.CapacityLog;
import com.cruddur.messaging.adapter.dynamodb.table.MessagesTable;
import com.cruddur.messaging.devengines.LocalDynamoDb;
import com.cruddur.messaging.domain.model.GroupSummary;
import com.cruddur.messaging.domain.model.Handle;
import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.MessageGroup;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.MessageId;
import com.cruddur.messaging.domain.model.MessageText;
import com.cruddur.messaging.domain.model.NewMessage;
import com.cruddur.messaging.domain.model.PageRequest;
import com.cruddur.messaging.domain.model.Profile;
import com.cruddur.messaging.domain.model.Timestamp;
import com.cruddur.messaging.domain.model.UserId;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The package run the way Lambda runs it: a fresh JVM on the package alone plus AWS's runtime
 * interface client, talking the Runtime API to a stand-in on 127.0.0.1, fed {@code DynamodbEvent}
 * batches read from DynamoDB Local's stream. The summaries move, a poisoned record is reported in
 * {@code batchItemFailures}, a replayed batch changes nothing. Prints the cold start (process start
 * to the first answer).
 */
class StreamLambdaRuntimeIT {
    private static final Path PACKAGE = Path.of(System.getProperty("package.jar", "target/cruddur-stream-lambda.jar"));
    private static final Path RUNTIME_CLIENT = Path.of(System.getProperty("runtime.client.dir", "target/runtime-interface-client"));
    private static final String TABLE = "cruddur-messages";

    @Test
    void theRuntimeInterfaceClientRunsThePackageOnTheTablesStream() throws Exception {
        try (LocalDynamoDb dynamoDb = LocalDynamoDb.start(); RuntimeApiStandIn api = new RuntimeApiStandIn()) {
            DynamoDbSettings settings = DynamoDbSettings.local(dynamoDb.endpoint());
            DynamoDbClient client = DynamoDbClients.dynamoDb(settings);
            MessagesTable table = new MessagesTable(client, TABLE);
            table.create();
            DynamoDbConversationStore store = new DynamoDbConversationStore(client, TABLE, new CapacityLog());
            Profile alice = profile("alice");
            Profile bob = profile("bob");
            MessageGroup group = new MessageGroup(new MessageGroupId(UUID.randomUUID()), alice, bob);
            store.create(group, draft(alice, "hello bob"));
            Message reply = store.append(group.id(), draft(bob, "hello alice"));
            MessageGroupId poisoned = new MessageGroupId(UUID.randomUUID());
            writePoisonedGroup(client, poisoned, alice);

            List<Record> records = streamRecords(DynamoDbClients.streams(settings), table.streamArn().orElseThrow());
            String conversation = event(records.stream().filter(r -> !mentions(r, poisoned)).toList());
            List<Record> poison = records.stream().filter(r -> mentions(r, poisoned)).toList();
            api.invoke(conversation);
            api.invoke(event(poison));
            api.invoke(conversation);

            long started = System.nanoTime();
            Process lambda = runtime(api, dynamoDb);
            try {
                String first = api.nextAnswer();
                long coldStartMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                System.out.printf("[stream-lambda] cold start (process start to the first answer): %d ms%n", coldStartMillis);
                assertThat(first).isEqualTo("response {\"batchItemFailures\":[]}");
                assertThat(store.summaries(alice.id(), PageRequest.firstPage()).items()).extracting(GroupSummary::lastMessage)
                        .containsExactly("hello alice");
                List<GroupSummary> before = store.summaries(bob.id(), PageRequest.firstPage()).items();
                assertThat(before).extracting(GroupSummary::lastMessageAt).containsExactly(reply.createdAt());

                String poisonedSequence = poison.stream().filter(r -> r.dynamodb().keys().get("pk").s().startsWith("MSG#"))
                        .findFirst().orElseThrow().dynamodb().sequenceNumber();
                assertThat(api.nextAnswer()).isEqualTo("response {\"batchItemFailures\":[{\"itemIdentifier\":\""
                        + poisonedSequence + "\"}]}");

                assertThat(api.nextAnswer()).isEqualTo("response {\"batchItemFailures\":[]}");
                assertThat(store.summaries(bob.id(), PageRequest.firstPage()).items()).isEqualTo(before);
                assertThat(store.summaries(alice.id(), PageRequest.firstPage()).items()).hasSize(1);
            } finally {
                lambda.destroyForcibly().waitFor();
            }
        }
    }

    /** The package and the runtime client, nothing of this build: {@code AWSLambda <handler>}, as Lambda's Java runtime starts. */
    private static Process runtime(RuntimeApiStandIn api, LocalDynamoDb dynamoDb) throws Exception {
        String classPath;
        try (Stream<Path> jars = Files.list(RUNTIME_CLIENT)) {
            classPath = Stream.concat(Stream.of(PACKAGE), jars).map(Path::toString).collect(Collectors.joining(File.pathSeparator));
        }
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, "com.amazonaws.services.lambda.runtime.api.client.AWSLambda",
                StreamFunction.class.getName() + "::handleRequest")
                .redirectErrorStream(true)
                .redirectOutput(Files.createTempFile("stream-lambda", ".log").toFile());
        builder.environment().put("AWS_LAMBDA_RUNTIME_API", api.address());
        builder.environment().put("JAVA_TOOL_OPTIONS", System.getProperty("lambda.java-options", deployedJavaOptions()));
        builder.environment().put("AWS_REGION", "us-east-1");
        builder.environment().put("AWS_ENDPOINT_URL_DYNAMODB", dynamoDb.endpoint().toString());
        builder.environment().put(StreamFunction.TABLE_VARIABLE, TABLE);
        return builder.start();
    }

    /** The function's JVM options as deploy/cruddur-messaging.yaml sets them, so the test starts what is deployed. */
    private static String deployedJavaOptions() throws IOException {
        Path template = Stream.of(Path.of("deploy"), Path.of("..", "deploy")).map(dir -> dir.resolve("cruddur-messaging.yaml"))
                .filter(Files::exists).findFirst().orElseThrow();
        Matcher options = Pattern.compile("JAVA_TOOL_OPTIONS: \"([^\"]*)\"")
                .matcher(Files.readString(template));
        assertThat(options.find()).as("JAVA_TOOL_OPTIONS in the template").isTrue();
        return options.group(1);
    }

    /** A group whose members record cannot be read, and a message in it: projecting that message fails. */
    private static void writePoisonedGroup(DynamoDbClient client, MessageGroupId group, Profile sender) {
        client.putItem(put -> put.tableName(TABLE).item(Map.of("pk", s("MEMBERS#" + group), "sk", s("MEMBERS"),
                "first_user_uuid", s("not-a-uuid"))));
        client.putItem(put -> put.tableName(TABLE).item(Map.of("pk", s("MSG#" + group),
                "sk", s(new Timestamp(Instant.now()).format()), "message_uuid", s(UUID.randomUUID().toString()),
                "message", s("into a broken group"), "user_uuid", s(sender.id().toString()),
                "user_display_name", s(sender.displayName()), "user_handle", s(sender.handle().value()))));
    }

    private static List<Record> streamRecords(DynamoDbStreamsClient streams, String streamArn) {
        List<Record> records = new ArrayList<>();
        var shards = streams.describeStream(request -> request.streamArn(streamArn)).streamDescription().shards();
        for (var shard : shards) {
            String iterator = streams.getShardIterator(request -> request.streamArn(streamArn).shardId(shard.shardId())
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            while (iterator != null) {
                String current = iterator;
                var page = streams.getRecords(request -> request.shardIterator(current));
                records.addAll(page.records());
                iterator = page.records().isEmpty() ? null : page.nextShardIterator();
            }
        }
        return records;
    }

    private static boolean mentions(Record record, MessageGroupId group) {
        return record.dynamodb().keys().get("pk").s().endsWith(group.toString());
    }

    /** A {@code DynamodbEvent} as Lambda's event-source mapping delivers it. */
    private static String event(List<Record> records) {
        return "{\"Records\":[" + records.stream().map(StreamLambdaRuntimeIT::record).collect(Collectors.joining(",")) + "]}";
    }

    private static String record(Record record) {
        var change = record.dynamodb();
        return "{\"eventID\":" + json(record.eventID()) + ",\"eventName\":" + json(record.eventNameAsString())
                + ",\"eventVersion\":\"1.1\",\"eventSource\":\"aws:dynamodb\",\"awsRegion\":\"us-east-1\",\"dynamodb\":{"
                + "\"Keys\":" + image(change.keys()) + (change.hasNewImage() ? ",\"NewImage\":" + image(change.newImage()) : "")
                + ",\"SequenceNumber\":" + json(change.sequenceNumber()) + ",\"SizeBytes\":" + change.sizeBytes()
                + ",\"StreamViewType\":\"NEW_IMAGE\"},\"eventSourceARN\":\"arn:aws:dynamodb:us-east-1:000000000000:table/"
                + TABLE + "/stream/local\"}";
    }

    /** Our items hold strings, numbers (counts, expiry) and booleans. */
    private static String image(Map<String, AttributeValue> item) {
        return item.entrySet().stream().map(e -> json(e.getKey()) + ":" + value(e.getValue()))
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static String value(AttributeValue value) {
        if (value.n() != null) {
            return "{\"N\":" + json(value.n()) + "}";
        }
        if (value.bool() != null) {
            return "{\"BOOL\":" + value.bool() + "}";
        }
        return "{\"S\":" + json(value.s()) + "}";
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static Profile profile(String name) {
        return new Profile(new UserId(UUID.randomUUID()), new Handle(name + "-" + UUID.randomUUID().toString().substring(0, 6)),
                name);
    }

    private static NewMessage draft(Profile sender, String text) {
        return new NewMessage(new MessageId(UUID.randomUUID()), sender, MessageText.of(text), new Timestamp(Instant.now()));
    }
}
