package com.cruddur.messaging.adapter.http.error;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** 400 with the list of what is wrong with the request's shape. */
@Produces
@Singleton
class MalformedRequestHandler implements ExceptionHandler<MalformedRequestException, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, MalformedRequestException exception) {
        return HttpResponse.badRequest(exception.codes());
    }
}
