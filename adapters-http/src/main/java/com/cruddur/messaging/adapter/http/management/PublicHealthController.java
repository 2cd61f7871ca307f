package com.cruddur.messaging.adapter.http.management;

import io.micronaut.context.annotation.Requires;
import io.micronaut.health.HealthStatus;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import reactor.core.publisher.Mono;

/**
 * {@code GET /health} on the public port when the management endpoints have a port of their own: what a
 * load balancer needs, {@code {"status":"UP"}} or {@code 503 {"status":"DOWN"}}, from the same checks as the
 * management port's health — without their details (hosts, versions, disk), which stay private there.
 */
@Controller
@Requires(property = "endpoints.all.port")
@Secured(SecurityRule.IS_ANONYMOUS)
final class PublicHealthController {
    private final HealthEndpoint health;

    PublicHealthController(HealthEndpoint health) {
        this.health = health;
    }

    @Get("/health")
    Mono<HttpResponse<Status>> health() {
        return Mono.from(health.getHealth(null)).map(PublicHealthController::answer);
    }

    private static HttpResponse<Status> answer(HealthResult result) {
        boolean up = result.getStatus().getOperational().orElse(true);
        return up ? HttpResponse.ok(new Status(HealthStatus.NAME_UP))
                : HttpResponse.<Status>status(HttpStatus.SERVICE_UNAVAILABLE).body(new Status(HealthStatus.NAME_DOWN));
    }

    @Serdeable
    record Status(String status) {
    }
}
