package com.cruddur.messaging.adapter.http.api;

import com.cruddur.messaging.adapter.http.error.MalformedRequestException;
import io.micronaut.json.tree.JsonNode;

/** The body of {@code PATCH /api/messages/{group}/{message}}: {@code {"message"}}, read as a send's is. */
record EditRequest(String message) {

    static EditRequest parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new MalformedRequestException("json_object_expected");
        }
        return new EditRequest(SendRequest.optionalString(body, "message"));
    }
}
