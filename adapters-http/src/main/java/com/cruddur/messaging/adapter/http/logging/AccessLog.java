package com.cruddur.messaging.adapter.http.logging;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.BasicHttpAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request on the {@code cruddur.access} logger, with its method, route, status and latency
 * as key-value pairs (fields of their own in production's JSON lines). The route is the matched template
 * ({@code /api/messages/{message_group_uuid}}), so no id, token, header or body is ever logged.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Requires(property = "cruddur.access-log.enabled", value = "true")
final class AccessLog {
    static final String LOGGER = "cruddur.access";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    private static final String STARTED = AccessLog.class.getName() + ".started";

    @RequestFilter
    void started(HttpRequest<?> request) {
        request.setAttribute(STARTED, System.nanoTime());
    }

    @ResponseFilter
    void answered(HttpRequest<?> request, MutableHttpResponse<?> response) {
        long started = request.getAttribute(STARTED, Long.class).orElse(System.nanoTime());
        double millis = (System.nanoTime() - started) / 1_000_000.0;
        String route = BasicHttpAttributes.getUriTemplate(request).orElse("unmatched");
        String method = request.getMethodName();
        int status = response.code();
        LOG.atInfo().addKeyValue("method", method).addKeyValue("route", route).addKeyValue("status", status)
                .addKeyValue("latency_ms", String.format(Locale.ROOT, "%.3f", millis))
                .log("{} {} {} {} ms", method, route, status, String.format(Locale.ROOT, "%.1f", millis));
    }
}
