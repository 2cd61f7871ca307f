package com.cruddur.messaging.adapter.dynamodb.items;

import static com.cruddur.messaging.adapter.dynamodb.table.Attributes.PK;
import static com.cruddur.messaging.adapter.dynamodb.table.Attributes.SK;
import static com.cruddur.messaging.adapter.dynamodb.table.Attributes.s;

import com.cruddur.messaging.adapter.dynamodb.table.Attributes;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.UserPair;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Our addition: {@code PAIR#<lower user_uuid>#<higher user_uuid>} / {@code PAIR}, holding the pair's
 * group id. Written with {@code attribute_not_exists} when the group is created, it makes
 * "one group per pair" a condition DynamoDB checks. The id sits under {@code pair_message_group_uuid},
 * not {@code message_group_uuid}, so that the record stays out of the GSI.
 */
public final class PairRecord {
    public static final String GROUP = "pair_message_group_uuid";
    private static final String SORT_KEY = "PAIR";

    private PairRecord() {
    }

    public static Map<String, AttributeValue> key(UserPair pair) {
        return Map.of(PK, s("PAIR#" + pair.key()), SK, s(SORT_KEY));
    }

    public static Map<String, AttributeValue> item(UserPair pair, MessageGroupId group) {
        return Map.of(PK, s("PAIR#" + pair.key()), SK, s(SORT_KEY), GROUP, s(group.toString()));
    }

    public static MessageGroupId group(Map<String, AttributeValue> item) {
        return MessageGroupId.of(Attributes.required(item, GROUP));
    }
}
