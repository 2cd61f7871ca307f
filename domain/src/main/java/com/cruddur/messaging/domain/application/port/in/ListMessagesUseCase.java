package com.cruddur.messaging.domain.application.port.in;

import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.Page;

/** Pattern A: the latest page of a conversation, oldest first. Only members may read it. */
public interface ListMessagesUseCase {
    Page<Message> listMessages(ListMessagesQuery query);
}
