package com.cruddur.messaging.adapter.http.error;

import com.cruddur.messaging.domain.error.ConflictException;
import com.cruddur.messaging.domain.error.ErrorCode;
import com.cruddur.messaging.domain.error.InvalidInputException;
import com.cruddur.messaging.domain.error.MessagingException;
import com.cruddur.messaging.domain.error.NotFoundException;
import com.cruddur.messaging.domain.error.OverloadedException;
import com.cruddur.messaging.domain.error.RefusedException;
import com.cruddur.messaging.domain.error.StoreUnavailableException;
import com.cruddur.messaging.domain.error.TicketRejectedException;
import com.cruddur.messaging.domain.error.UnregisteredCallerException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One response per kind of domain failure: 422 with the original's JSON array of codes, 409 (same
 * shape) for a request that contradicts an earlier one, 404 for
 * what does not exist for the caller, 403 for a valid token of an unregistered user and for a message between users
 * one of whom blocks the other, 503
 * {@code ["store_unavailable"]} (with {@code Retry-After}) when a store is down, and 503 {@code ["overloaded"]} when
 * this instance is. Which store is down is the operator's to know (the log names it), not the client's.
 */
@Produces
@Singleton
class MessagingExceptionHandler implements ExceptionHandler<MessagingException, HttpResponse<?>> {
    private static final Logger LOG = LoggerFactory.getLogger(MessagingExceptionHandler.class);

    @Override
    public HttpResponse<?> handle(HttpRequest request, MessagingException exception) {
        if (exception instanceof InvalidInputException invalid) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(invalid.codes().stream().map(ErrorCode::code).toList());
        }
        if (exception instanceof ConflictException conflict) {
            return HttpResponse.status(HttpStatus.CONFLICT).body(List.of(conflict.code().code()));
        }
        if (exception instanceof NotFoundException notFound) {
            return HttpResponse.notFound(List.of(notFound.kind().name().toLowerCase(Locale.ROOT) + "_not_found"));
        }
        if (exception instanceof RefusedException refused) {
            return HttpResponse.status(HttpStatus.FORBIDDEN).body(List.of(refused.code().code()));
        }
        if (exception instanceof TicketRejectedException) {
            return HttpResponse.unauthorized().body(List.of("ticket_invalid"));
        }
        if (exception instanceof UnregisteredCallerException) {
            return HttpResponse.status(HttpStatus.FORBIDDEN).body(List.of("user_not_registered"));
        }
        if (exception instanceof OverloadedException overloaded) {
            LOG.debug("{} {} shed: {}", request.getMethod(), request.getPath(), overloaded.getMessage());
            return Overloaded.response();
        }
        StoreUnavailableException unavailable = (StoreUnavailableException) exception;
        // The store's adapter tells the operator when the outage starts and ends; the 503s are counted in the
        // metrics (http_server_requests_seconds_count{status="503"}), so each one is only a DEBUG line here.
        LOG.debug("{} {} failed: {} is unavailable", request.getMethod(), request.getPath(), unavailable.store(),
                unavailable.getCause());
        return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "1")
                .body(List.of("store_unavailable"));
    }
}
