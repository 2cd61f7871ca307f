package com.cruddur.messaging.adapter.http.json;

import com.cruddur.messaging.adapter.http.error.MalformedRequestException;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.json.tree.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;

/** The optional body of {@code POST /api/message_groups/{uuid}/read}, read by hand so that a wrong JSON type is a 400. */
@Schema(description = "Without a body (or without up_to) everything is read.")
public record MarkReadBody(
        @JsonProperty("up_to") @Schema(format = "uuid", nullable = true,
                description = "the last message read; its group's newest when absent") String upTo) {

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
