package com.cruddur.messaging.adapter.dynamodb;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;

/**
 * The capacity units each store operation consumed, as DynamoDB reported them through
 * {@code ReturnConsumedCapacity}: logged at DEBUG per call and summed per operation, so that a
 * benchmark can compare our access patterns with the original's.
 */
public final class CapacityLog {
    private static final Logger LOG = LoggerFactory.getLogger(CapacityLog.class);

    /** The calls of one operation and the capacity units they consumed in all. */
    public record Usage(long calls, double capacityUnits) {
        public double perCall() {
            return calls == 0 ? 0 : capacityUnits / calls;
        }
    }

    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
    private final Map<String, DoubleAdder> units = new ConcurrentHashMap<>();

    void record(String operation, ConsumedCapacity consumed) {
        record(operation, consumed == null ? List.of() : List.of(consumed));
    }

    void record(String operation, Collection<ConsumedCapacity> consumed) {
        double total = consumed.stream().mapToDouble(c -> c.capacityUnits() == null ? 0 : c.capacityUnits()).sum();
        calls.computeIfAbsent(operation, o -> new LongAdder()).increment();
        units.computeIfAbsent(operation, o -> new DoubleAdder()).add(total);
        LOG.debug("{} consumed {} capacity units", operation, total);
    }

    /** Usage per operation so far, by operation name. */
    public Map<String, Usage> snapshot() {
        Map<String, Usage> snapshot = new TreeMap<>();
        calls.forEach((operation, count) -> snapshot.put(operation,
                new Usage(count.sum(), units.getOrDefault(operation, new DoubleAdder()).sum())));
        return snapshot;
    }
}
