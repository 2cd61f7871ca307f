package com.cruddur.messaging.adapter.dynamodb;

import com.cruddur.messaging.adapter.dynamodb.items.MembersRecord;
import com.cruddur.messaging.adapter.dynamodb.items.MessageRow;
import com.cruddur.messaging.adapter.dynamodb.items.PairRecord;
import com.cruddur.messaging.adapter.dynamodb.table.Attributes;
import com.cruddur.messaging.domain.model.GroupSummary;
import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.MessageGroup;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.UserPair;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The store's items exactly as it writes them, and their key attributes, for the tests of the stream consumer and
 * of the deployment template (published in this module's test-jar): a change record's image must be what the store
 * really puts in the table.
 */
public final class TableItems {
    public static final String PK = Attributes.PK;
    public static final String SK = Attributes.SK;
    public static final String MESSAGE_GROUP_UUID = Attributes.MESSAGE_GROUP_UUID;
    /** The table's TTL attribute: a send claim's expiry. */
    public static final String EXPIRES_AT = Attributes.EXPIRES_AT;

    private TableItems() {
    }

    public static Map<String, AttributeValue> message(Message message) {
        return MessageRow.item(message);
    }

    /** A summary row as the original wrote them: nothing known of its message but its time. */
    public static Map<String, AttributeValue> originalSummary(GroupSummary summary) {
        return Conversations.originalRow(summary).item();
    }

    public static Map<String, AttributeValue> pair(UserPair pair, MessageGroupId group) {
        return PairRecord.item(pair, group);
    }

    public static Map<String, AttributeValue> members(MessageGroup group) {
        return MembersRecord.item(group);
    }
}
