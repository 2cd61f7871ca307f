package com.cruddur.messaging.domain.application.port.in;

import com.cruddur.messaging.domain.model.Message;

/**
 * A sender replaces the text of their message; the members' streams are told ({@code message_edited}). A
 * message that is not the caller's, or not in a group of theirs, does not exist for them; a deleted one is
 * a conflict.
 */
public interface EditMessageUseCase {
    Message editMessage(EditMessageCommand command);
}
