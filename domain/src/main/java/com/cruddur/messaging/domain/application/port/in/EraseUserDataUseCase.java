package com.cruddur.messaging.domain.application.port.in;

/**
 * A user's data erased on request (an operator's, for the user's right to erasure): every message they sent becomes a
 * tombstone, its text gone from every item and row that held it and its copy of their name replaced; their own
 * summaries and read markers, their blocks, their send ids and the stored copies of events of their messages go; their
 * account stays as {@link com.cruddur.messaging.domain.model.User#erased}, so that the other members' conversations
 * still show their messages' places. The conversations stay for the other members.
 *
 * <p>Resumable: stopped anywhere (a crash, a kill, an outage) and run again, it finishes, and nothing is erased twice —
 * the account is changed last, so the handle finds the user until everything else is done. An unknown handle (also
 * one already erased) is not found.
 */
public interface EraseUserDataUseCase {
    ErasureReport erase(EraseUserDataCommand command, ErasureProgress progress);
}
