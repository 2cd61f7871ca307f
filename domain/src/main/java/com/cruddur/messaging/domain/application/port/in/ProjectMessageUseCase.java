package com.cruddur.messaging.domain.application.port.in;

import com.cruddur.messaging.domain.application.port.out.Projection;

/** Brings both members' group summaries up to newly stored messages; driven by the store's change stream. */
public interface ProjectMessageUseCase {
    Projection projectMessage(ProjectMessageCommand command);
}
