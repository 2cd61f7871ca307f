package com.cruddur.messaging.adapter.dynamodb.table;

import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Attribute names of {@code cruddur-messages} items, and reading them. */
public final class Attributes {
    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String MESSAGE_GROUP_UUID = "message_group_uuid";
    public static final String MESSAGE_UUID = "message_uuid";
    public static final String MESSAGE = "message";
    public static final String USER_UUID = "user_uuid";
    public static final String USER_DISPLAY_NAME = "user_display_name";
    public static final String USER_HANDLE = "user_handle";
    /** The table's time-to-live attribute (epoch seconds): send claims carry it, and DynamoDB removes them after it. */
    public static final String EXPIRES_AT = "expires_at";

    private Attributes() {
    }

    public static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    public static Optional<String> string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null ? Optional.empty() : Optional.of(value.s());
    }

    public static String required(Map<String, AttributeValue> item, String name) {
        return string(item, name).orElseThrow(() -> new MalformedItemException("no string '" + name + "' in " + keyOf(item)));
    }

    public static String keyOf(Map<String, AttributeValue> item) {
        return string(item, PK).orElse("?") + " / " + string(item, SK).orElse("?");
    }
}
