package com.cruddur.messaging.adapter.http.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The documented shape of {@code POST /api/messages}. The controller reads the body field by field
 * (so that wrong JSON types are a 400); this record only describes it in the OpenAPI document.
 */
@Schema(name = "SendMessage", description = "Either message_group_uuid (post to a conversation) or handle / "
        + "user_receiver_handle (post to a user); message_group_uuid wins when both are given.")
public record SendMessageBody(
        @Schema(description = "1 to 1024 characters after trimming", requiredMode = Schema.RequiredMode.REQUIRED)
        String message,
        @JsonProperty("message_group_uuid") @Schema(format = "uuid", nullable = true) String messageGroupUuid,
        @Schema(description = "the recipient's handle", nullable = true) String handle,
        @JsonProperty("user_receiver_handle") @Schema(description = "the original frontend's name for handle",
                nullable = true) String userReceiverHandle) {
}
