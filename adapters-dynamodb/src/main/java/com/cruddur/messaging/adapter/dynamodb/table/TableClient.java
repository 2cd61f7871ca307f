package com.cruddur.messaging.adapter.dynamodb.table;

import static com.cruddur.messaging.adapter.dynamodb.table.CapacityLog.Kind.READ;
import static com.cruddur.messaging.adapter.dynamodb.table.CapacityLog.Kind.WRITE;

import com.cruddur.messaging.support.StoreReachability;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * The calls the store makes on {@code cruddur-messages}: each one asks for its consumed capacity
 * (logged under the operation's name) and reports outages as "store unavailable".
 */
public final class TableClient {
    public static final String ITEM_ABSENT = "attribute_not_exists(pk)";
    public static final String ITEM_PRESENT = "attribute_exists(pk)";

    private final DynamoDbClient client;
    private final String table;
    private final CapacityLog capacity;
    private final DynamoDbFailures failures;

    public TableClient(DynamoDbClient client, String table, CapacityLog capacity) {
        this.client = client;
        this.table = table;
        this.capacity = capacity;
        this.failures = new DynamoDbFailures(DynamoDbFailures.reachabilityOf(DynamoDbFailures.STORE, client));
    }

    /** Whether the table answers, call by call. */
    public StoreReachability reachability() {
        return failures.reachability();
    }

    /**
     * A read of one item; strongly consistent ones cost twice as much, so each caller says which it
     * needs (and why, where it does).
     */
    public Optional<Map<String, AttributeValue>> get(String operation, Map<String, AttributeValue> key, boolean consistent) {
        var response = failures.guard(() -> client.getItem(request -> request.tableName(table).key(key).consistentRead(consistent)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)));
        capacity.record(operation, READ, response.consumedCapacity());
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(response.item()) : Optional.empty();
    }

    public QueryResponse query(String operation, Consumer<QueryRequest.Builder> query) {
        QueryResponse response = failures.guard(() -> client.query(request -> {
            request.tableName(table).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL);
            query.accept(request);
        }));
        capacity.record(operation, READ, response.consumedCapacity());
        return response;
    }

    /** Every item the query matches, page after page (each page's capacity is recorded). */
    public List<Map<String, AttributeValue>> queryAll(String operation, Consumer<QueryRequest.Builder> query) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = query(operation, request -> {
                query.accept(request);
                request.exclusiveStartKey(from);
            });
            items.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return items;
    }

    /** Writes the item unless one with its key exists; returns whether it wrote. */
    public boolean putIfAbsent(String operation, Map<String, AttributeValue> item) {
        return putIf(operation, item, ITEM_ABSENT, Map.of());
    }

    /**
     * Writes the item unless its key holds an item of another group; returns whether it wrote. For
     * summary rows: one of the same group at the same time is the same summary, written again.
     */
    public boolean putUnlessOfAnotherGroup(String operation, Map<String, AttributeValue> item, String groupId) {
        return putIf(operation, item, ITEM_ABSENT + " OR " + Attributes.MESSAGE_GROUP_UUID + " = :group",
                Map.of(":group", AttributeValue.fromS(groupId)));
    }

    public boolean putIf(String operation, Map<String, AttributeValue> item, String condition,
                          Map<String, AttributeValue> values) {
        try {
            var response = failures.guard(() -> client.putItem(request -> request.tableName(table).item(item)
                    .conditionExpression(condition).expressionAttributeValues(values.isEmpty() ? null : values)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)));
            capacity.record(operation, WRITE, response.consumedCapacity());
            return true;
        } catch (ConditionalCheckFailedException taken) {
            capacity.record(operation, WRITE, List.of());
            return false;
        }
    }

    /**
     * Writes the item on a condition; returns what held its key instead when the condition failed (from
     * the failed write itself, which DynamoDB charges as a write whether it returns the item or not).
     */
    public Optional<Map<String, AttributeValue>> putOrGetHolder(String operation, Map<String, AttributeValue> item,
                                                         String condition, Map<String, AttributeValue> values) {
        try {
            var response = failures.guard(() -> client.putItem(request -> request.tableName(table).item(item)
                    .conditionExpression(condition).expressionAttributeValues(values.isEmpty() ? null : values)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)));
            capacity.record(operation, WRITE, response.consumedCapacity());
            return Optional.empty();
        } catch (ConditionalCheckFailedException taken) {
            capacity.record(operation, WRITE, List.of());
            return Optional.of(taken.hasItem() ? taken.item() : Map.of());
        }
    }

    /** Whether a conditional write was done, and the item as it is now (empty if there is none). */
    public record Conditional(boolean done, Map<String, AttributeValue> item) {
    }

    /** An {@code UpdateItem} on a condition; either way the answer holds the item as it is afterwards. */
    public Conditional updateIf(String operation, Map<String, AttributeValue> key, String update, String condition,
                    Map<String, AttributeValue> values) {
        try {
            var response = failures.guard(() -> client.updateItem(request -> request.tableName(table).key(key)
                    .updateExpression(update).conditionExpression(condition).expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)));
            capacity.record(operation, WRITE, response.consumedCapacity());
            return new Conditional(true, response.attributes());
        } catch (ConditionalCheckFailedException failed) {
            capacity.record(operation, WRITE, List.of());
            return new Conditional(false, failed.hasItem() ? failed.item() : Map.of());
        }
    }

    /** Deletes an item on a condition; when it did not, the answer holds what is there (empty if nothing). */
    public Conditional deleteIf(String operation, Map<String, AttributeValue> key, String condition,
                         Map<String, AttributeValue> values) {
        try {
            var response = failures.guard(() -> client.deleteItem(request -> request.tableName(table).key(key)
                    .conditionExpression(condition).expressionAttributeValues(values.isEmpty() ? null : values)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)));
            capacity.record(operation, WRITE, response.consumedCapacity());
            return new Conditional(true, Map.of());
        } catch (ConditionalCheckFailedException failed) {
            capacity.record(operation, WRITE, List.of());
            return new Conditional(false, failed.hasItem() ? failed.item() : Map.of());
        }
    }

    /** Deletes an item whatever it holds (our own record that lost a race). */
    public void delete(String operation, Map<String, AttributeValue> key) {
        var response = failures.guard(() -> client.deleteItem(request -> request.tableName(table).key(key)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)));
        capacity.record(operation, WRITE, response.consumedCapacity());
    }

    String table() {
        return table;
    }
}
