package com.cruddur.messaging.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.devengines.LocalDynamoDb;
import com.cruddur.messaging.domain.application.port.in.ListMessageGroupsQuery;
import com.cruddur.messaging.domain.application.port.in.ListMessageGroupsUseCase;
import com.cruddur.messaging.domain.application.port.in.SendMessageToGroupCommand;
import com.cruddur.messaging.domain.application.port.in.SendMessageToGroupUseCase;
import com.cruddur.messaging.domain.application.port.in.SendMessageToHandleCommand;
import com.cruddur.messaging.domain.application.port.in.SendMessageToHandleUseCase;
import com.cruddur.messaging.domain.application.port.out.ConversationStore;
import com.cruddur.messaging.domain.model.CognitoUserId;
import com.cruddur.messaging.domain.model.GroupSummary;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.PageRequest;
import io.micronaut.context.ApplicationContext;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code cruddur.store=dynamodb} wires micronaut-aws-sdk-v2's client, creates the table and polls its stream. */
class DynamoDbStoreWiringTest {
    private static LocalDynamoDb dynamoDb;
    private static ApplicationContext context;

    @BeforeAll
    static void start() {
        dynamoDb = LocalDynamoDb.start();
        context = ApplicationContext.run(Map.of(
                "cruddur.store", "dynamodb",
                "cruddur.directory", "memory",
                "cruddur.dynamodb.create-table", true,
                "cruddur.dynamodb.poll-stream", true,
                "aws.region", "us-east-1",
                "aws.access-key-id", "local",
                "aws.secret-key", "local",
                "aws.services.dynamodb.endpoint-override", dynamoDb.endpoint().toString(),
                "cruddur.dynamodb.connect-timeout", "750ms"), "test");
    }

    @AfterAll
    static void stop() {
        context.close();
        dynamoDb.close();
    }

    @Test
    void sendsThroughDynamoDbAndTheStreamMovesBothSummaries() throws InterruptedException {
        assertThat(context.getBean(ConversationStore.class).getClass().getSimpleName())
                .isEqualTo("DynamoDbConversationStore");
        CognitoUserId andrew = DemoUsers.ANDREW.cognitoUserId().orElseThrow();
        CognitoUserId bayko = DemoUsers.BAYKO.cognitoUserId().orElseThrow();
        MessageGroupId group = context.getBean(SendMessageToHandleUseCase.class)
                .sendToHandle(SendMessageToHandleCommand.of(andrew, "bayko", "hi from dynamodb")).message().groupId();

        context.getBean(SendMessageToGroupUseCase.class)
                .sendToGroup(SendMessageToGroupCommand.of(bayko, group.toString(), "reply through the stream"));

        ListMessageGroupsUseCase groups = context.getBean(ListMessageGroupsUseCase.class);
        Instant deadline = Instant.now().plusSeconds(20);
        List<GroupSummary> andrews;
        do {
            Thread.sleep(20);
            andrews = groups.listMessageGroups(new ListMessageGroupsQuery(andrew, PageRequest.firstPage())).items();
            assertThat(Instant.now()).as("the poller moves the summary in time").isBefore(deadline);
        } while (andrews.isEmpty() || !andrews.get(0).lastMessage().equals("reply through the stream"));
        assertThat(andrews.get(0).other().handle().value()).isEqualTo("bayko");
    }

    @Test
    void theServicesOwnDynamoDbClientConnectsWithinTheConfiguredTime() {
        assertThat(context.getProperty("aws.apache-client.connection-timeout", Duration.class))
                .contains(Duration.ofMillis(750));
    }

    @Test
    void theStoresCachesReportTheirHitsAndHitRatio() {
        MeterRegistry registry = context.getBean(MeterRegistry.class);
        CognitoUserId andrew = DemoUsers.ANDREW.cognitoUserId().orElseThrow();
        MessageGroupId group = context.getBean(SendMessageToHandleUseCase.class)
                .sendToHandle(SendMessageToHandleCommand.of(andrew, "londo", "counted")).message().groupId();
        for (int i = 0; i < 3; i++) {
            context.getBean(SendMessageToGroupUseCase.class)
                    .sendToGroup(SendMessageToGroupCommand.of(andrew, group.toString(), "again " + i));
        }

        assertThat(registry.get("cache.gets").tag("cache", "dynamodb.group-members").tag("result", "hit")
                .functionCounter().count()).isGreaterThanOrEqualTo(3);
        assertThat(registry.get("dynamodb.cache.hit.ratio").tag("cache", "dynamodb.group-members").gauge().value())
                .isGreaterThan(0.5);
    }

    @Test
    void theCapacityEachOperationConsumesIsCountedByKind() {
        MeterRegistry registry = context.getBean(MeterRegistry.class);
        CognitoUserId andrew = DemoUsers.ANDREW.cognitoUserId().orElseThrow();
        double appendsBefore = registry.find("dynamodb.consumed.capacity.units").tag("operation", "append")
                .tag("kind", "write").counters().stream().mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
        MessageGroupId group = context.getBean(SendMessageToHandleUseCase.class)
                .sendToHandle(SendMessageToHandleCommand.of(andrew, "bayko", "billed")).message().groupId();
        context.getBean(SendMessageToGroupUseCase.class)
                .sendToGroup(SendMessageToGroupCommand.of(andrew, group.toString(), "billed again"));
        context.getBean(ListMessageGroupsUseCase.class)
                .listMessageGroups(new ListMessageGroupsQuery(andrew, PageRequest.firstPage()));

        assertThat(registry.get("dynamodb.consumed.capacity.units").tag("operation", "append").tag("kind", "write")
                .counter().count()).isGreaterThanOrEqualTo(appendsBefore + 1.0);
        assertThat(registry.get("dynamodb.consumed.capacity.units").tag("operation", "summaries").tag("kind", "read")
                .counter().count()).isGreaterThan(0);
    }
}
