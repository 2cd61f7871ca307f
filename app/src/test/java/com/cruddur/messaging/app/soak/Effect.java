package com.cruddur.messaging.app.soak;

/**
 * What a fault did, as seen rather than assumed: the pid it met, whether its effect was seen ({@code verified}:
 * alive before a kill and gone after it, or seen stopped during a pause), the pid that replaced a killed process
 * (-1 when nothing was restarted), and why a restart failed (null when it did not).
 */
record Effect(long pid, boolean verified, long restartedPid, String failure) {
    static Effect paused(long pid, boolean seenStopped) {
        return new Effect(pid, seenStopped, -1, null);
    }

    /** A fault counts only when its effect was seen and whatever it killed came back. */
    boolean counted() {
        return verified && failure == null;
    }
}
