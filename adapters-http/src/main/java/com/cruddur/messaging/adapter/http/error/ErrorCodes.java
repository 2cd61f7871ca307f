package com.cruddur.messaging.adapter.http.error;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * The body of the errors Micronaut answers by itself (a token refused, JSON that does not parse, a
 * parameter of the wrong type, an unsupported content type, ...) in the API's one error format: a JSON
 * array of codes, as the original and every error of ours. Replaces Micronaut's HAL-style body, which
 * also echoed parser messages back to the client.
 */
@Singleton
final class ErrorCodes implements JsonErrorResponseBodyProvider<List<String>> {

    @Override
    public List<String> body(ErrorContext context, HttpResponse<?> response) {
        return List.of(switch (response.code()) {
            case 400 -> "request_malformed";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 413 -> "request_too_large";
            case 415 -> "unsupported_media_type";
            default -> "error";
        });
    }
}
