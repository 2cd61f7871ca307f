package com.cruddur.messaging.domain.application.port.in;

import com.cruddur.messaging.domain.model.ReadMarkers;
import java.util.Objects;

public record ProjectReadMarkersCommand(ReadMarkers markers) {
    public ProjectReadMarkersCommand {
        Objects.requireNonNull(markers, "markers");
    }
}
