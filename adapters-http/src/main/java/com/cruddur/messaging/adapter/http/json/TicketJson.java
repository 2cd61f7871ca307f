package com.cruddur.messaging.adapter.http.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

/** {@code POST /api/events/ticket}: a one-use ticket for {@code GET /api/events?ticket=}. */
@Serdeable
public record TicketJson(String ticket, @JsonProperty("expires_in") long expiresIn) {
}
