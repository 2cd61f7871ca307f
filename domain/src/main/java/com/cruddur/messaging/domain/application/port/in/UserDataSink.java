package com.cruddur.messaging.domain.application.port.in;

import com.cruddur.messaging.domain.model.UserData;

/** Where an export's records go, one at a time and in order (a file, a terminal, an HTTP answer), and its progress. */
public interface UserDataSink {
    void write(UserData record);

    /** Called after each conversation: how many of the user's conversations are done, of how many. */
    default void progress(int conversationsDone, int conversations, long messagesWritten) {
    }
}
