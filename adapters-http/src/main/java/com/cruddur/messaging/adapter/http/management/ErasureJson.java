package com.cruddur.messaging.adapter.http.management;

import com.cruddur.messaging.domain.application.port.in.ErasureReport;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

/** What an erasure did (or, as a plan, would do), as the management port answers it. */
@Serdeable
record ErasureJson(@JsonProperty("dry_run") boolean dryRun, int conversations, long messages, int blocks,
                   @JsonProperty("client_ids") int clientIds, @JsonProperty("stored_events") int storedEvents,
                   @JsonProperty("erased_handle") String erasedHandle) {
    static ErasureJson of(ErasureReport report) {
        return new ErasureJson(report.dryRun(), report.conversations(), report.messages(), report.blocks(),
                report.clientIds(), report.storedEvents(), report.erasedHandle().value());
    }
}
