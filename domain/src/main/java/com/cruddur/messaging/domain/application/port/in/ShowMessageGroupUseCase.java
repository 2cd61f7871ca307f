package com.cruddur.messaging.domain.application.port.in;

import com.cruddur.messaging.domain.model.MessageGroupDetails;

/** A conversation's details: its members, when it began, and each member's read marker. Only members may see them. */
public interface ShowMessageGroupUseCase {
    MessageGroupDetails showMessageGroup(ShowMessageGroupQuery query);
}
