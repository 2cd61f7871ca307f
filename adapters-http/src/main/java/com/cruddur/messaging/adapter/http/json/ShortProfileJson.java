package com.cruddur.messaging.adapter.http.json;

import com.cruddur.messaging.domain.model.Profile;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

/** {@code GET /api/users/@{handle}/short}. */
@Serdeable
public record ShortProfileJson(String uuid, String handle, @JsonProperty("display_name") String displayName) {

    public static ShortProfileJson of(Profile profile) {
        return new ShortProfileJson(profile.id().toString(), profile.handle().value(), profile.displayName());
    }
}
