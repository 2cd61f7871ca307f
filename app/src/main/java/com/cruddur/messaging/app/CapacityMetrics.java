package com.cruddur.messaging.app;

import com.cruddur.messaging.adapter.dynamodb.table.CapacityLog;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.BeanProvider;

/**
 * Counts the capacity each DynamoDB call consumed as {@code dynamodb_consumed_capacity_units_total}, by
 * operation and kind (read, write). The registry is looked up on first use: it is built from meter
 * binders that need the store, which needs this.
 */
final class CapacityMetrics implements CapacityLog.Listener {
    private final BeanProvider<MeterRegistry> registryProvider;
    private volatile MeterRegistry registry;

    CapacityMetrics(BeanProvider<MeterRegistry> registryProvider) {
        this.registryProvider = registryProvider;
    }

    @Override
    public void consumed(String operation, CapacityLog.Kind kind, double capacityUnits) {
        MeterRegistry meters = registry;
        if (meters == null) {
            meters = registryProvider.get();
            registry = meters;
        }
        meters.counter("dynamodb.consumed.capacity.units", "operation", operation, "kind", kind.label())
                .increment(capacityUnits);
    }
}
