package com.cruddur.messaging.adapter.http.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The documented shape of {@code POST /api/messages}. The controller reads the body field by field
 * (so that wrong JSON types are a 400); this record only describes it in the OpenAPI document.
 */
@Schema(description = "Either message_group_uuid (post to a conversation) or handle / "
        + "user_receiver_handle (post to a user); message_group_uuid wins when both are given.")
public record SendMessageBody(
        @Schema(description = "1 to 1024 characters after trimming", requiredMode = Schema.RequiredMode.REQUIRED)
        String message,
        @JsonProperty("message_group_uuid") @Schema(format = "uuid", nullable = true) String messageGroupUuid,
        @Schema(description = "the recipient's handle", nullable = true) String handle,
        @JsonProperty("user_receiver_handle") @Schema(description = "the original frontend's name for handle",
                nullable = true) String userReceiverHandle,
        @JsonProperty("client_message_id") @Schema(description = "the client's own id for this send, 1-64 of "
                + "[A-Za-z0-9._:-]: a retry with the same id gets the first send's response and stores nothing; "
                + "the same id for another text or recipient is a 409 (client_message_id_reused). Kept 24 hours.",
                nullable = true) String clientMessageId) {
}
