package com.cruddur.messaging.domain.application.port.in;

/**
 * A sender deletes their message: it stays in place as a tombstone, its text erased from storage, and the
 * members' streams are told ({@code message_deleted}). Deleting it again changes nothing. A message that is
 * not the caller's, or not in a group of theirs, does not exist for them.
 */
public interface DeleteMessageUseCase {
    void deleteMessage(DeleteMessageCommand command);
}
