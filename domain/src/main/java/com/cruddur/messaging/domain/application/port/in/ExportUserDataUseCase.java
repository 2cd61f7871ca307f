package com.cruddur.messaging.domain.application.port.in;

import com.cruddur.messaging.domain.model.User;
import com.cruddur.messaging.domain.model.UserData;

/**
 * A user's data, on request (an operator's, for the user's right of access and portability): their account, their
 * conversations with their read markers, every message they sent, whom they block, then the totals. Streamed: a page
 * of messages at a time is held, whatever the user sent. An unknown handle is not found.
 */
public interface ExportUserDataUseCase {
    UserData.Totals export(ExportUserDataCommand command, UserDataSink sink);

    /** The account an export would be of: asked first by a caller that must answer "not found" before it streams. */
    User account(ExportUserDataCommand command);
}
