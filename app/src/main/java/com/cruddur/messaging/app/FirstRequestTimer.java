package com.cruddur.messaging.app;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs, once, how long it took from the JVM's start to the first successful response. */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class FirstRequestTimer {
    private static final Logger LOG = LoggerFactory.getLogger(FirstRequestTimer.class);
    private final AtomicBoolean logged = new AtomicBoolean();

    @ResponseFilter
    void onResponse(HttpResponse<?> response) {
        if (response.code() < 300 && logged.compareAndSet(false, true)) {
            long sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            LOG.info("first successful request answered {} ms after the JVM started", sinceStart);
        }
    }
}
