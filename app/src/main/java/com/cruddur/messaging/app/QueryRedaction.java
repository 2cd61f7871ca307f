package com.cruddur.messaging.app;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A query string can carry a credential (an event stream's one-use ticket, a careless client's
 * {@code ?access_token=}), so a request's span keeps only the parameters' names: {@code access_token=REDACTED}.
 */
final class QueryRedaction implements SpanProcessor {
    static final AttributeKey<String> URL_QUERY = AttributeKey.stringKey("url.query");
    static final String REDACTED = "REDACTED";

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
        String query = span.getAttribute(URL_QUERY);
        if (query != null) {
            span.setAttribute(URL_QUERY, redact(query));
        }
    }

    static String redact(String query) {
        return Arrays.stream(query.split("&"))
                .map(parameter -> parameter.contains("=") ? parameter.substring(0, parameter.indexOf('=') + 1) + REDACTED
                        : parameter)
                .collect(Collectors.joining("&"));
    }

    @Override
    public boolean isStartRequired() {
        return true;
    }

    @Override
    public void onEnd(ReadableSpan span) {
    }

    @Override
    public boolean isEndRequired() {
        return false;
    }
}
