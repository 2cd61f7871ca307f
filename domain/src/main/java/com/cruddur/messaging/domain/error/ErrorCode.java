package com.cruddur.messaging.domain.error;

/** Why input was refused. The codes are the original's wire values, typo included, plus our new ones. */
public enum ErrorCode {
    MESSAGE_BLANK("message_blank"),
    MESSAGE_EXCEED_MAX_CHARS("message_exceed_max_chars"),
    MESSAGE_INVALID_CHARACTERS("message_invalid_characters"),
    MESSAGE_GROUP_UUID_BLANK("message_group_uuid_blank"),
    MESSAGE_GROUP_UUID_INVALID("message_group_uuid_invalid"),
    USER_RECIEVER_HANDLE_BLANK("user_reciever_handle_blank"),
    MESSAGE_TO_SELF("message_to_self"),
    LIMIT_INVALID("limit_invalid"),
    CURSOR_INVALID("cursor_invalid"),
    CLIENT_MESSAGE_ID_INVALID("client_message_id_invalid"),
    CLIENT_MESSAGE_ID_REUSED("client_message_id_reused"),
    UP_TO_INVALID("up_to_invalid"),
    MESSAGE_UUID_INVALID("message_uuid_invalid"),
    MESSAGE_DELETED("message_deleted"),
    MESSAGE_CHANGED("message_changed"),
    BLOCK_SELF("block_self"),
    RECIPIENT_UNAVAILABLE("recipient_unavailable"),
    RECIPIENT_BLOCKED("recipient_blocked");

    private final String code;

    ErrorCode(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
