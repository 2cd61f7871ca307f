package com.cruddur.messaging.domain.application.port.in;

/**
 * A member is typing: the other member's event streams hear of it, at most once per member and group every
 * two seconds (more signals in between are accepted and dropped). Never stored. Members only.
 */
public interface SignalTypingUseCase {
    void signalTyping(SignalTypingCommand command);
}
