package com.cruddur.messaging.adapter.dynamodb;

import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Attribute names of {@code cruddur-messages} items, and reading them. */
final class Attributes {
    static final String PK = "pk";
    static final String SK = "sk";
    static final String MESSAGE_GROUP_UUID = "message_group_uuid";
    static final String MESSAGE_UUID = "message_uuid";
    static final String MESSAGE = "message";
    static final String USER_UUID = "user_uuid";
    static final String USER_DISPLAY_NAME = "user_display_name";
    static final String USER_HANDLE = "user_handle";

    private Attributes() {
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static Optional<String> string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null ? Optional.empty() : Optional.of(value.s());
    }

    static String required(Map<String, AttributeValue> item, String name) {
        return string(item, name).orElseThrow(() -> new MalformedItemException("no string '" + name + "' in " + keyOf(item)));
    }

    static String keyOf(Map<String, AttributeValue> item) {
        return string(item, PK).orElse("?") + " / " + string(item, SK).orElse("?");
    }
}
