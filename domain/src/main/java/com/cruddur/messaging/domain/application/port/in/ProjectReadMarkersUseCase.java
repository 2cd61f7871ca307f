package com.cruddur.messaging.domain.application.port.in;

import com.cruddur.messaging.domain.application.port.out.Projection;

/** Brings a group's summaries up to its members' read markers (driven by the stream consumer). */
public interface ProjectReadMarkersUseCase {
    Projection projectReadMarkers(ProjectReadMarkersCommand command);
}
