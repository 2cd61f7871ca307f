package com.cruddur.messaging.adapter.http.error;

import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** In the OpenAPI document: the operation has a per-caller limit, answered as {@link RateLimited} says. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ApiResponse(responseCode = "429", description = "Over the caller's rate limit; nothing was read or written",
        headers = @Header(name = "Retry-After", description = "Whole seconds until the limit allows the next request",
                schema = @Schema(type = "integer")),
        content = @Content(mediaType = "application/json",
                array = @ArraySchema(schema = @Schema(implementation = String.class, allowableValues = {RateLimited.CODE}))))
public @interface RateLimitedResponse {
}
