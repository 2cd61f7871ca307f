package com.cruddur.messaging.domain.application.port.in;

/** How far an erasure is: told after each message made a tombstone, and once before the first. */
@FunctionalInterface
public interface ErasureProgress {
    /** For a caller with nobody to tell (a dry run, an answer over HTTP). */
    ErasureProgress UNTOLD = (done, total) -> {
    };

    void messagesErased(long done, long total);
}
