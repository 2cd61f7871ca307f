package com.cruddur.messaging.adapter.http.management;

import com.cruddur.messaging.domain.application.port.in.EraseUserDataCommand;
import com.cruddur.messaging.domain.application.port.in.EraseUserDataUseCase;
import com.cruddur.messaging.domain.application.port.in.ErasureProgress;
import com.cruddur.messaging.domain.application.port.in.ExportUserDataCommand;
import com.cruddur.messaging.domain.application.port.in.ExportUserDataUseCase;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.io.Writable;
import io.micronaut.json.JsonMapper;
import io.micronaut.management.endpoint.annotation.Delete;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.management.endpoint.annotation.Read;
import io.micronaut.management.endpoint.annotation.Selector;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * A user's data for operators who script over HTTP, as the command line's {@code users export} and {@code users erase}
 * (docs/user-data.md): {@code GET /user-data/{handle}} streams the export as JSON Lines, {@code DELETE
 * /user-data/{handle}} erases and answers what it did. Only on the management port — which is on loopback unless
 * opened, with no token: there is none when the service has no port of its own for management, so never on the public
 * port. An unknown handle is {@code 404}.
 */
@Endpoint(id = "user-data", defaultSensitive = false)
@Requires(property = "endpoints.all.port")
@ExecuteOn(TaskExecutors.BLOCKING)
final class UserDataEndpoint {
    static final String JSON_LINES = "application/x-ndjson";

    private final ExportUserDataUseCase export;
    private final EraseUserDataUseCase erase;
    private final JsonMapper json;

    UserDataEndpoint(ExportUserDataUseCase export, EraseUserDataUseCase erase, JsonMapper json) {
        this.export = export;
        this.erase = erase;
        this.json = json;
    }

    /** Checked before the answer starts, so that an unknown handle is a 404 and not an empty 200. */
    @Read(produces = JSON_LINES)
    Writable export(@Selector String handle) {
        ExportUserDataCommand command = ExportUserDataCommand.of(handle);
        export.account(command);
        return writer -> export.export(command, new UserDataLines(json, writer, UserDataLines.Progress.UNTOLD));
    }

    @Delete
    ErasureJson erase(@Selector String handle) {
        return ErasureJson.of(erase.erase(EraseUserDataCommand.of(handle, false), ErasureProgress.UNTOLD));
    }
}
