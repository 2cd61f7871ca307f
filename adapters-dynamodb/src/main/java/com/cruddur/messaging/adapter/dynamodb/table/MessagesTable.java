package com.cruddur.messaging.adapter.dynamodb.table;

import static com.cruddur.messaging.adapter.dynamodb.table.Attributes.MESSAGE_GROUP_UUID;
import static com.cruddur.messaging.adapter.dynamodb.table.Attributes.PK;
import static com.cruddur.messaging.adapter.dynamodb.table.Attributes.SK;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * The {@code cruddur-messages} table itself: the original's layout ({@code pk}/{@code sk}, GSI
 * {@code message-group-sk-index} on {@code message_group_uuid}/{@code sk} projecting all, stream
 * with new images) and what the {@code bin/ddb} scripts did with it.
 */
public final class MessagesTable {
    public static final String GROUP_INDEX = "message-group-sk-index";

    private final DynamoDbClient client;
    private final String name;

    public MessagesTable(DynamoDbClient client, String name) {
        this.client = client;
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** Creates the table unless it exists, and waits until it is active. Returns whether it created it. */
    public boolean create() {
        boolean created;
        try {
            client.createTable(table -> table.tableName(name)
                    .attributeDefinitions(string(PK), string(SK), string(MESSAGE_GROUP_UUID))
                    .keySchema(key(PK, KeyType.HASH), key(SK, KeyType.RANGE))
                    .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName(GROUP_INDEX)
                            .keySchema(key(MESSAGE_GROUP_UUID, KeyType.HASH), key(SK, KeyType.RANGE))
                            .projection(p -> p.projectionType(ProjectionType.ALL)).build())
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .streamSpecification(stream -> stream.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));
            created = true;
        } catch (ResourceInUseException exists) {
            created = false;
        }
        client.waiter().waitUntilTableExists(request -> request.tableName(name));
        expireSendClaims();
        return created;
    }

    /**
     * Lets DynamoDB delete send claims after their {@code expires_at} (the only items that have one), so
     * that client message ids cost storage for a day, not forever. Tables created before keep working:
     * this is switched on whenever the table is created or checked.
     */
    private void expireSendClaims() {
        if (expiresSendClaims()) {
            return;
        }
        try {
            client.updateTimeToLive(request -> request.tableName(name).timeToLiveSpecification(
                    ttl -> ttl.attributeName(Attributes.EXPIRES_AT).enabled(true)));
        } catch (DynamoDbException refused) {
            // Instances starting at once: DynamoDB refuses the second switch while the first is in progress.
            if (!expiresSendClaims()) {
                throw refused;
            }
        }
    }

    private boolean expiresSendClaims() {
        var current = client.describeTimeToLive(request -> request.tableName(name)).timeToLiveDescription();
        return current != null && Attributes.EXPIRES_AT.equals(current.attributeName())
                && current.timeToLiveStatus() != TimeToLiveStatus.DISABLED;
    }

    /** Deletes the table if it exists. Returns whether it did. */
    public boolean drop() {
        try {
            client.deleteTable(request -> request.tableName(name));
            client.waiter().waitUntilTableNotExists(request -> request.tableName(name));
            return true;
        } catch (ResourceNotFoundException absent) {
            return false;
        }
    }

    public List<String> listTables() {
        return client.listTablesPaginator(request -> { }).tableNames().stream().toList();
    }

    /** Every item, page by page (expensive on a real table, as the original's script warned). */
    public Stream<Map<String, AttributeValue>> scan() {
        return client.scanPaginator(request -> request.tableName(name)).items().stream();
    }

    /** The ARN of the table's current stream, if streams are on. */
    public Optional<String> streamArn() {
        return Optional.ofNullable(client.describeTable(request -> request.tableName(name)).table().latestStreamArn());
    }

    private static AttributeDefinition string(String attribute) {
        return AttributeDefinition.builder().attributeName(attribute).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String attribute, KeyType type) {
        return KeySchemaElement.builder().attributeName(attribute).keyType(type).build();
    }
}
