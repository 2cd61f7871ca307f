package com.cruddur.messaging.adapter.http.api;

import com.cruddur.messaging.adapter.http.error.MalformedRequestException;
import io.micronaut.json.tree.JsonNode;

/**
 * The body of {@code POST /api/messages}, read by hand so that a wrong JSON type is a 400 instead of
 * being coerced: {@code {"message", "message_group_uuid"}} posts to a group, {@code {"message",
 * "handle"}} (or the original's {@code user_receiver_handle}) to a user. As in the original, a
 * present {@code message_group_uuid} decides. An optional {@code client_message_id} makes the send
 * idempotent.
 */
record SendRequest(String message, String messageGroupUuid, String handle, String clientMessageId) {

    boolean toGroup() {
        return messageGroupUuid != null;
    }

    static SendRequest parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new MalformedRequestException("json_object_expected");
        }
        String handle = optionalString(body, "handle");
        return new SendRequest(optionalString(body, "message"), optionalString(body, "message_group_uuid"),
                handle != null ? handle : optionalString(body, "user_receiver_handle"),
                optionalString(body, "client_message_id"));
    }

    /** A field that is a string or absent (null); any other JSON type is a 400. */
    static String optionalString(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new MalformedRequestException(field + "_not_a_string");
        }
        return value.getStringValue();
    }
}
