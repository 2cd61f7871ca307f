package com.cruddur.messaging.adapter.http.management;

import com.cruddur.messaging.domain.application.port.in.EraseUserDataCommand;
import com.cruddur.messaging.domain.application.port.in.EraseUserDataUseCase;
import com.cruddur.messaging.domain.application.port.in.ErasureProgress;
import io.micronaut.context.annotation.Requires;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.management.endpoint.annotation.Read;
import io.micronaut.management.endpoint.annotation.Selector;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * {@code GET /user-erasure/{handle}}: what {@code DELETE /user-data/{handle}} would erase, changing nothing (the
 * command line's {@code users erase --dry-run}). On the management port only, as {@link UserDataEndpoint}.
 */
@Endpoint(id = "user-erasure", defaultSensitive = false)
@Requires(property = "endpoints.all.port")
@ExecuteOn(TaskExecutors.BLOCKING)
final class UserErasurePlanEndpoint {
    private final EraseUserDataUseCase erase;

    UserErasurePlanEndpoint(EraseUserDataUseCase erase) {
        this.erase = erase;
    }

    @Read
    ErasureJson plan(@Selector String handle) {
        return ErasureJson.of(erase.erase(EraseUserDataCommand.of(handle, true), ErasureProgress.UNTOLD));
    }
}
