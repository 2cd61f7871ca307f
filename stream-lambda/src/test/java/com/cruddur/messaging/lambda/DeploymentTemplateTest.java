package com.cruddur.messaging.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.cruddur.messaging.adapter.dynamodb.Conversations;
import com.cruddur.messaging.adapter.dynamodb.DynamoDbConversationStore;
import com.cruddur.messaging.adapter.dynamodb.DynamoDbEngine;
import com.cruddur.messaging.adapter.dynamodb.DynamoDbSettings;
import com.cruddur.messaging.adapter.dynamodb.TableItems;
import com.cruddur.messaging.adapter.dynamodb.table.CapacityLog;
import com.cruddur.messaging.adapter.dynamodb.table.MessagesTable;
import com.cruddur.messaging.adapter.stream.MessageProjector;
import com.cruddur.messaging.adapter.stream.StreamPoller;
import com.cruddur.messaging.domain.application.usecase.ProjectMessage;
import com.cruddur.messaging.domain.application.usecase.ProjectReadMarkers;
import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.MessageGroup;
import com.cruddur.messaging.domain.model.PageRequest;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * {@code deploy/cruddur-messaging.yaml} agrees with the code: the handler, its environment, the
 * table's keys, index and stream, the event-source mapping's failure handling, and IAM that allows
 * every DynamoDB action the code performs (recorded from real calls on DynamoDB Local) and no
 * wildcard action.
 */
class DeploymentTemplateTest {
    private static Map<String, Object> resources;
    private static Map<String, Object> parameters;

    /** The names of the operations each client made, as IAM names them ({@code dynamodb:<Operation>}). */
    private static final class RecordedActions implements ExecutionInterceptor {
        final Set<String> actions = ConcurrentHashMap.newKeySet();

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            actions.add("dynamodb:" + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        }
    }

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void readTheTemplate() throws IOException {
        Path template = Stream.of(Path.of("deploy"), Path.of("..", "deploy")).map(dir -> dir.resolve("cruddur-messaging.yaml"))
                .filter(Files::exists).findFirst().orElseThrow();
        try (Reader reader = Files.newBufferedReader(template)) {
            Map<String, Object> document = new Yaml().load(reader);
            resources = (Map<String, Object>) document.get("Resources");
            parameters = (Map<String, Object>) document.get("Parameters");
        }
    }

    @Test
    void theFunctionRunsTheHandlerWithTheEnvironmentItReads() {
        Map<String, Object> function = properties("StreamFunction");

        assertThat(function.get("Handler")).isEqualTo(StreamFunction.class.getName() + "::handleRequest");
        assertThat(RequestHandler.class).isAssignableFrom(StreamFunction.class);
        assertThat(function.get("Runtime")).isEqualTo("java17");
        assertThat(map(map(function.get("Environment")).get("Variables")).keySet())
                .containsExactlyInAnyOrder(StreamFunction.TABLE_VARIABLE, "JAVA_TOOL_OPTIONS", "AWS_LAMBDA_EXEC_WRAPPER");
        assertThat(map(parameters.get("TableName")).get("Default")).isEqualTo(DynamoDbSettings.DEFAULT_TABLE);
    }

    @Test
    void givenTheOpenTelemetryLayerTheFunctionRunsUnderItsWrapperAndMaySendToXRay() {
        Map<String, Object> function = properties("StreamFunction");
        String traced = "StreamLambdaTraced";

        assertThat(map(parameters.get("StreamTracingLayerArn")).get("Default")).isEqualTo("");
        assertThat(list(map(function.get("Layers")).get("Fn::If")).subList(0, 2))
                .isEqualTo(List.of(traced, List.of(Map.of("Ref", "StreamTracingLayerArn"))));
        assertThat(list(map(function.get("TracingConfig")).get("Fn::If")).subList(0, 2))
                .isEqualTo(List.of(traced, Map.of("Mode", "Active")));
        assertThat(list(map(map(map(function.get("Environment")).get("Variables")).get("AWS_LAMBDA_EXEC_WRAPPER"))
                .get("Fn::If")).subList(0, 2)).isEqualTo(List.of(traced, "/opt/otel-handler"));
        assertThat(list(map(properties("StreamFunctionRole").get("ManagedPolicyArns")).get("Fn::If")).get(0))
                .isEqualTo(traced);
    }

    @Test
    void theTableIsTheOneTheCodeCreates() {
        Map<String, Object> table = properties("MessagesTable");

        assertThat(table.get("KeySchema")).isEqualTo(List.of(
                Map.of("AttributeName", TableItems.PK, "KeyType", "HASH"), Map.of("AttributeName", TableItems.SK, "KeyType", "RANGE")));
        Map<String, Object> index = map(list(table.get("GlobalSecondaryIndexes")).get(0));
        assertThat(index.get("IndexName")).isEqualTo(MessagesTable.GROUP_INDEX);
        assertThat(index.get("KeySchema")).isEqualTo(List.of(Map.of("AttributeName", TableItems.MESSAGE_GROUP_UUID, "KeyType", "HASH"),
                Map.of("AttributeName", TableItems.SK, "KeyType", "RANGE")));
        assertThat(index.get("Projection")).isEqualTo(Map.of("ProjectionType", "ALL"));
        assertThat(map(table.get("StreamSpecification")).get("StreamViewType")).isEqualTo("NEW_IMAGE");
        assertThat(map(table.get("PointInTimeRecoverySpecification")).get("PointInTimeRecoveryEnabled")).isEqualTo(true);
        assertThat(map(table.get("TimeToLiveSpecification")))
                .containsEntry("AttributeName", TableItems.EXPIRES_AT).containsEntry("Enabled", true);
    }

    @Test
    void theMappingReportsPartialFailuresBisectsAndKeepsWhatItGivesUpOn() {
        Map<String, Object> mapping = properties("StreamMapping");

        assertThat(list(mapping.get("FunctionResponseTypes"))).containsExactly("ReportBatchItemFailures");
        assertThat(mapping.get("BisectBatchOnFunctionError")).isEqualTo(true);
        assertThat(mapping.get("MaximumRetryAttempts")).isInstanceOf(Integer.class);
        assertThat(map(map(map(mapping.get("DestinationConfig")).get("OnFailure"))).get("Destination"))
                .isEqualTo(Map.of("Fn::GetAtt", List.of("StreamFailures", "Arn")));
    }

    @Test
    void alarmsWatchTheFunctionAndWhatItGaveUpOnAndNameTheirRunbookSections() throws IOException {
        Path runbook = Stream.of(Path.of("docs"), Path.of("..", "docs")).map(dir -> dir.resolve("runbook.md"))
                .filter(Files::exists).findFirst().orElseThrow();
        String sections = Files.readString(runbook).toLowerCase(Locale.ROOT);
        Map<String, Object> byFunction = Map.of("Name", "FunctionName", "Value", Map.of("Ref", "StreamFunction"));
        Map<String, Object> byQueue = Map.of("Name", "QueueName",
                "Value", Map.of("Fn::GetAtt", List.of("StreamFailures", "QueueName")));
        Map<String, Object> watched = Map.of("StreamBehindAlarm", List.of("IteratorAge", byFunction),
                "StreamErrorsAlarm", List.of("Errors", byFunction),
                "StreamGaveUpAlarm", List.of("ApproximateNumberOfMessagesVisible", byQueue));

        watched.forEach((alarm, what) -> {
            Map<String, Object> properties = properties(alarm);
            assertThat(map(resources.get(alarm)).get("Condition")).isEqualTo("StreamLambda");
            assertThat(properties.get("MetricName")).isEqualTo(list(what).get(0));
            assertThat(list(properties.get("Dimensions"))).containsExactly(list(what).get(1));
            String description = (String) properties.get("AlarmDescription");
            String anchor = description.substring(description.indexOf("docs/runbook.md#") + "docs/runbook.md#".length()).strip();
            assertThat(anchor).as(alarm + "'s runbook section").isEqualTo(alarm.toLowerCase(Locale.ROOT));
            assertThat(sections).as("docs/runbook.md has a section " + alarm).contains("\n### " + anchor + "\n");
            assertThat(properties.get("AlarmActions")).isEqualTo(Map.of("Fn::If",
                    List.of("HasAlarmTopic", List.of(Map.of("Ref", "AlarmTopicArn")), Map.of("Ref", "AWS::NoValue"))));
        });
    }

    @Test
    void everyDynamoDbActionTheCodePerformsIsAllowedAndNoActionIsAWildcard() throws Exception {
        RecordedActions service = new RecordedActions();
        RecordedActions lambda = new RecordedActions();
        RecordedActions poller = new RecordedActions();
        DynamoDbConversationStore serving = new DynamoDbConversationStore(dynamoDb(service), DynamoDbEngine.TABLE.name(),
                new CapacityLog());
        MessageGroup group = Conversations.start(serving);
        serving.groupOf(group.pair());
        Message reply = serving.append(group.id(), Conversations.draft(group.second(), "reply", Conversations.now()));
        serving.messages(group.id(), PageRequest.firstPage());
        serving.summaries(group.first().id(), PageRequest.firstPage());
        new DynamoDbConversationStore(dynamoDb(service), DynamoDbEngine.TABLE.name(), new CapacityLog()).group(group.id());
        new DynamoDbConversationStore(dynamoDb(lambda), DynamoDbEngine.TABLE.name(), new CapacityLog()).project(reply);
        pollOnce(poller, new DynamoDbConversationStore(dynamoDb(poller), DynamoDbEngine.TABLE.name(), new CapacityLog()));

        assertThat(allowed("StreamFunctionRole")).containsAll(lambda.actions)
                .contains("dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator");
        assertThat(allowed("ServiceRole")).containsAll(service.actions).containsAll(poller.actions);
        assertThat(service.actions).contains("dynamodb:PutItem", "dynamodb:Query", "dynamodb:GetItem");
        assertThat(allActions()).isNotEmpty().noneMatch(action -> action.contains("*"));
    }

    /** The in-process poller, as one production instance may run it, until it has projected something. */
    private static void pollOnce(RecordedActions recorder, DynamoDbConversationStore store) throws InterruptedException {
        DynamoDbClient client = dynamoDb(recorder);
        String streamArn = new MessagesTable(client, DynamoDbEngine.TABLE.name()).streamArn().orElseThrow();
        DynamoDbStreamsClient streams = DynamoDbStreamsClient.builder().region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .endpointOverride(DynamoDbEngine.LOCAL.endpoint()).httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(c -> c.addExecutionInterceptor(recorder)).build();
        try (StreamPoller poller = new StreamPoller(streams, streamArn, new MessageProjector(new ProjectMessage(store), new ProjectReadMarkers(store)),
                Duration.ofMillis(20))) {
            poller.start();
            Instant deadline = Instant.now().plusSeconds(20);
            while (poller.projected() == 0) {
                assertThat(Instant.now()).as("the poller projects something").isBefore(deadline);
                Thread.sleep(20);
            }
        }
    }

    private static DynamoDbClient dynamoDb(RecordedActions recorder) {
        return DynamoDbClient.builder().region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .endpointOverride(DynamoDbEngine.LOCAL.endpoint()).httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(c -> c.addExecutionInterceptor(recorder)).build();
    }

    /** The actions of every statement of the role, the optional (Fn::If) ones included. */
    private static List<String> allowed(String role) {
        List<String> actions = new ArrayList<>();
        for (Object policy : list(properties(role).get("Policies"))) {
            for (Object statement : list(map(map(policy).get("PolicyDocument")).get("Statement"))) {
                Map<String, Object> found = map(statement);
                if (found.containsKey("Fn::If")) {
                    found = map(list(found.get("Fn::If")).get(1));
                }
                Object action = found.get("Action");
                actions.addAll(action instanceof List<?> many ? many.stream().map(String::valueOf).toList() : List.of(String.valueOf(action)));
            }
        }
        return actions;
    }

    private static List<String> allActions() {
        return Stream.of("StreamFunctionRole", "ServiceRole").flatMap(role -> allowed(role).stream()).toList();
    }

    private static Map<String, Object> properties(String resource) {
        return map(map(resources.get(resource)).get("Properties"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return (List<Object>) value;
    }
}
