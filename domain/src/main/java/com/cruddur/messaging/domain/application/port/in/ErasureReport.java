package com.cruddur.messaging.domain.application.port.in;

import com.cruddur.messaging.domain.model.Handle;

/**
 * What an erasure changed (or, in a dry run, would change): the user's conversations and the messages of theirs still to
 * make tombstones (a rerun counts only what an earlier run left), whom they blocked, their send ids and the stored
 * copies of events of their messages (both unknown in a dry run: -1), and the handle the account keeps.
 */
public record ErasureReport(boolean dryRun, int conversations, long messages, int blocks, int clientIds,
                            int storedEvents, Handle erasedHandle) {
}
