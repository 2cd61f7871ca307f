package com.cruddur.messaging.adapter.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.adapter.dynamodb.table.MessagesTable;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

class MessagesTableTest {
    private final MessagesTable table = new MessagesTable(DynamoDbEngine.CLIENT, "cruddur-messages-schema-test");

    @Test
    void createsTheOriginalsLayoutOnceAndDropsIt() {
        assertThat(table.create()).isTrue();
        assertThat(table.create()).as("a second create finds the table").isFalse();
        try {
            TableDescription description = DynamoDbEngine.CLIENT
                    .describeTable(request -> request.tableName(table.name())).table();

            assertThat(description.keySchema()).extracting(k -> k.attributeName() + ":" + k.keyType())
                    .containsExactly("pk:" + KeyType.HASH, "sk:" + KeyType.RANGE);
            assertThat(description.globalSecondaryIndexes()).singleElement().satisfies(index -> {
                assertThat(index.indexName()).isEqualTo("message-group-sk-index");
                assertThat(index.keySchema()).extracting(k -> k.attributeName() + ":" + k.keyType())
                        .containsExactly("message_group_uuid:" + KeyType.HASH, "sk:" + KeyType.RANGE);
                assertThat(index.projection().projectionType()).isEqualTo(ProjectionType.ALL);
            });
            assertThat(description.streamSpecification().streamEnabled()).isTrue();
            assertThat(description.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_IMAGE);
            assertThat(table.streamArn()).isPresent();
            assertThat(table.listTables()).contains(table.name(), DynamoDbEngine.TABLE.name());

            DynamoDbEngine.CLIENT.putItem(request -> request.tableName(table.name()).item(Map.of(
                    "pk", AttributeValue.fromS("MSG#x"), "sk", AttributeValue.fromS("2026"))));
            assertThat(table.scan()).hasSize(1);
        } finally {
            assertThat(table.drop()).isTrue();
        }
        assertThat(table.drop()).as("dropping a missing table").isFalse();
        assertThat(table.listTables()).doesNotContain(table.name());
    }
}
