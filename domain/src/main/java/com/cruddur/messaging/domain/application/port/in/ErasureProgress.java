package com.cruddur.messaging.domain.application.port.in;

/** How far an erasure is: told after each message made a tombstone, and once before the first. */
@FunctionalInterface
public interface ErasureProgress {
    void messagesErased(long done, long total);
}
