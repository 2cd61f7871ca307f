package com.cruddur.messaging.domain.application.port.in;

/**
 * Pattern C: a message to a user by handle. Reuses the pair's conversation if there is one,
 * creates it otherwise; a pair never gets two.
 */
public interface SendMessageToHandleUseCase {
    SentMessage sendToHandle(SendMessageToHandleCommand command);
}
