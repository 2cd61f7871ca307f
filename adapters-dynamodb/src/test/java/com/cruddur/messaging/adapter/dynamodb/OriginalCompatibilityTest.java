package com.cruddur.messaging.adapter.dynamodb;

import static com.cruddur.messaging.adapter.dynamodb.Conversations.draft;
import static com.cruddur.messaging.adapter.dynamodb.Conversations.summariesOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.adapter.dynamodb.table.CapacityLog;
import com.cruddur.messaging.domain.application.port.out.GroupCreation;
import com.cruddur.messaging.domain.fixtures.Profiles;
import com.cruddur.messaging.domain.model.GroupSummary;
import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.MessageGroup;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.PageRequest;
import com.cruddur.messaging.domain.model.Profile;
import com.cruddur.messaging.domain.model.Timestamp;
import com.cruddur.messaging.domain.model.UserPair;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Drop-in compatibility both ways: tables the original wrote (shapes from the seeds, times in
 * other offsets and with fewer digits, older years, no pair or members records) work unchanged,
 * and what we write is read correctly by the original's own queries.
 */
class OriginalCompatibilityTest {
    private final DynamoDbConversationStore store = DynamoDbEngine.store(new CapacityLog());
    private Profile andrew;
    private Profile bayko;
    private MessageGroupId legacyGroup;

    /** A conversation exactly as the original's seed script and create_message_group wrote it. */
    @BeforeEach
    void writeAsTheOriginalDid() {
        andrew = Profiles.random("andrew");
        bayko = Profiles.random("bayko");
        legacyGroup = new MessageGroupId(UUID.randomUUID());
        putOriginalGroupRow(andrew, bayko, "2023-04-12T10:16:30-04:00", "see you in 2023");
        putOriginalGroupRow(bayko, andrew, "2023-04-12T10:16:30-04:00", "see you in 2023");
        putOriginalMessage(andrew, "2022-11-05T08:00:00+00:00", "hello from 2022");
        putOriginalMessage(bayko, "2023-04-12T10:15:30.123+05:30", "a reply with three digits");
        putOriginalMessage(andrew, "2023-04-12T10:16:30-04:00", "see you in 2023");
    }

    @Test
    void readsTheOriginalsMessagesOfEveryYearAndFormat() {
        List<Message> messages = store.messages(legacyGroup, PageRequest.firstPage()).items();

        assertThat(messages).extracting(Message::text)
                .containsExactly("hello from 2022", "a reply with three digits", "see you in 2023");
        assertThat(messages).extracting(m -> m.createdAt().format()).containsExactly(
                "2022-11-05T08:00:00.000000+00:00", "2023-04-12T04:45:30.123000+00:00",
                "2023-04-12T14:16:30.000000+00:00");
        assertThat(messages.get(1).sender()).isEqualTo(bayko);
    }

    @Test
    void listsTheOriginalsGroupsWithTheOtherMember() {
        assertThat(summariesOf(store, andrew)).containsExactly(new GroupSummary(andrew.id(), legacyGroup, bayko,
                "see you in 2023", Timestamp.parse("2023-04-12T10:16:30-04:00")));
    }

    @Test
    void findsTheOriginalsGroupByIdAndByPairWithoutItsRecords() {
        assertThat(store.group(legacyGroup)).hasValueSatisfying(group ->
                assertThat(group.members()).containsExactlyInAnyOrder(andrew, bayko));
        assertThat(store.groupOf(UserPair.of(bayko.id(), andrew.id()))).contains(legacyGroup);
    }

    @Test
    void neverCreatesASecondGroupForAPairTheOriginalAlreadyConnected() {
        MessageGroup duplicate = new MessageGroup(new MessageGroupId(UUID.randomUUID()), bayko, andrew);

        GroupCreation creation = store.create(duplicate, draft(bayko, "hi again", Conversations.now()));

        assertThat(creation).isEqualTo(new GroupCreation.PairTaken(legacyGroup));
        assertThat(summariesOf(store, andrew)).hasSize(1);
        assertThat(store.group(duplicate.id())).isEmpty();
    }

    @Test
    void movesTheOriginalsSummariesForwardToANewMessage() {
        Message reply = store.append(legacyGroup, draft(bayko, "back in 2026", Conversations.now()));
        store.project(reply);

        assertThat(summariesOf(store, andrew)).singleElement().satisfies(summary -> {
            assertThat(summary.lastMessage()).isEqualTo("back in 2026");
            assertThat(summary.other()).isEqualTo(bayko);
        });
        assertThat(summariesOf(store, bayko)).singleElement()
                .satisfies(summary -> assertThat(summary.lastMessageAt()).isEqualTo(reply.createdAt()));
        assertThat(DynamoDbEngine.indexRowsOf(legacyGroup)).hasSize(2);
    }

    @Test
    void theOriginalsQueriesReadWhatWeWrite() {
        Profile londo = Profiles.random("londo");
        MessageGroup group = Conversations.start(store, andrew, londo, "first", Conversations.now());
        store.project(store.append(group.id(), draft(londo, "second", Conversations.now())));

        // list_message_groups: pk = GRP#<me>, newest first, Limit 20, these five fields.
        List<Map<String, AttributeValue>> groups = originalQuery("GRP#" + andrew.id());
        assertThat(groups).hasSize(2);
        Map<String, AttributeValue> newest = groups.get(0);
        assertThat(Map.of(
                "uuid", newest.get("message_group_uuid").s(),
                "display_name", newest.get("user_display_name").s(),
                "handle", newest.get("user_handle").s(),
                "message", newest.get("message").s())).isEqualTo(Map.of(
                "uuid", group.id().toString(), "display_name", londo.displayName(),
                "handle", londo.handle().value(), "message", "second"));
        assertThat(newest.get("user_uuid").s()).isEqualTo(londo.id().toString());

        // list_messages: pk = MSG#<group>, newest first, Limit 20, reversed.
        List<Map<String, AttributeValue>> messages = originalQuery("MSG#" + group.id());
        assertThat(messages).extracting(item -> item.get("message").s()).containsExactly("second", "first");
        assertThat(messages).allSatisfy(item -> assertThat(item.keySet()).contains(
                "message_uuid", "user_uuid", "user_display_name", "user_handle", "message", "sk"));

        // The stream Lambda's GSI query finds exactly the two summaries: our records stay out of the index.
        assertThat(DynamoDbEngine.indexRowsOf(group.id())).extracting(item -> item.get("pk").s())
                .containsExactlyInAnyOrder("GRP#" + andrew.id(), "GRP#" + londo.id());
    }

    private static List<Map<String, AttributeValue>> originalQuery(String pk) {
        return DynamoDbEngine.CLIENT.query(query -> query.tableName(DynamoDbEngine.TABLE.name())
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk)))
                .scanIndexForward(false)
                .limit(20)).items();
    }

    private void putOriginalGroupRow(Profile owner, Profile other, String lastMessageAt, String message) {
        Map<String, AttributeValue> record = new HashMap<>();
        record.put("pk", AttributeValue.fromS("GRP#" + owner.id()));
        record.put("sk", AttributeValue.fromS(lastMessageAt));
        record.put("message_group_uuid", AttributeValue.fromS(legacyGroup.toString()));
        record.put("message", AttributeValue.fromS(message));
        record.put("user_uuid", AttributeValue.fromS(other.id().toString()));
        record.put("user_display_name", AttributeValue.fromS(other.displayName()));
        record.put("user_handle", AttributeValue.fromS(other.handle().value()));
        put(record);
    }

    private void putOriginalMessage(Profile sender, String createdAt, String message) {
        Map<String, AttributeValue> record = new HashMap<>();
        record.put("pk", AttributeValue.fromS("MSG#" + legacyGroup));
        record.put("sk", AttributeValue.fromS(createdAt));
        record.put("message_uuid", AttributeValue.fromS(UUID.randomUUID().toString()));
        record.put("message", AttributeValue.fromS(message));
        record.put("user_uuid", AttributeValue.fromS(sender.id().toString()));
        record.put("user_display_name", AttributeValue.fromS(sender.displayName()));
        record.put("user_handle", AttributeValue.fromS(sender.handle().value()));
        put(record);
    }

    private static void put(Map<String, AttributeValue> item) {
        DynamoDbEngine.CLIENT.putItem(request -> request.tableName(DynamoDbEngine.TABLE.name()).item(item));
    }
}
