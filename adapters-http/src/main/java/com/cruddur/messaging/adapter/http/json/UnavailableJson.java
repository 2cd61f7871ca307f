package com.cruddur.messaging.adapter.http.json;

import io.micronaut.serde.annotation.Serdeable;

/** The body of a 503: which store is down; the client may retry. */
@Serdeable
public record UnavailableJson(String error, String store) {
}
