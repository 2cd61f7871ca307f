package com.cruddur.messaging.domain.application.port.in;

import com.cruddur.messaging.domain.application.port.out.Projection;

/** Moves both members' group summaries to a newly stored message; driven by the store's change stream. */
public interface ProjectMessageUseCase {
    Projection projectMessage(ProjectMessageCommand command);
}
