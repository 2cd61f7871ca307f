package com.cruddur.messaging.domain.application.port.in;

/**
 * Blocks: while A blocks B, neither can send to the other (B is told the recipient is unavailable, A that
 * A blocks B), B cannot start a conversation with A, and A's streams hear nothing B does. Both keep the history.
 * Blocking or unblocking again changes nothing and is no error; blocking oneself is 422 {@code block_self}.
 */
public interface BlockUserUseCase {
    void block(BlockUserCommand command);

    void unblock(BlockUserCommand command);
}
