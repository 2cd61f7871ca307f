package com.cruddur.messaging.domain.application.port.in;

import com.cruddur.messaging.domain.model.Message;

/** Pattern D: a new message in an existing conversation. Only members may post. */
public interface SendMessageToGroupUseCase {
    Message sendToGroup(SendMessageToGroupCommand command);
}
