package com.cruddur.messaging.adapter.http.json;

import com.cruddur.messaging.adapter.http.error.MalformedRequestException;
import io.micronaut.json.tree.JsonNode;

/** The optional body of {@code POST /api/message_groups/{uuid}/read}, read by hand so that a wrong JSON type is a 400. */
public final class MarkReadBody {
    private MarkReadBody() {
    }

    /** The {@code up_to} of a body, if there is a body and it has one. */
    public static String upTo(JsonNode body) {
        if (body == null || body.isNull()) {
            return null;
        }
        if (!body.isObject()) {
            throw new MalformedRequestException("json_object_expected");
        }
        JsonNode value = body.get("up_to");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new MalformedRequestException("up_to_not_a_string");
        }
        return value.getStringValue();
    }
}
