package com.cruddur.messaging.adapter.dynamodb.table;

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
 * {@code ReturnConsumedCapacity}: logged at DEBUG per call, summed per operation (so that a benchmark can
 * compare our access patterns with the original's), and handed to a {@link Listener} (the service's
 * metrics: the bill per operation, live).
 */
public final class CapacityLog {
    private static final Logger LOG = LoggerFactory.getLogger(CapacityLog.class);

    /** Read or write capacity: what DynamoDB bills them in. */
    public enum Kind {
        READ, WRITE;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Told of every call's consumption, e.g. to count it in the service's metrics. */
    public interface Listener {
        void consumed(String operation, Kind kind, double capacityUnits);
    }

    /** The calls of one operation and the capacity units they consumed in all. */
    public record Usage(long calls, double capacityUnits) {
        public double perCall() {
            return calls == 0 ? 0 : capacityUnits / calls;
        }
    }

    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
    private final Map<String, DoubleAdder> units = new ConcurrentHashMap<>();
    private final Listener listener;

    public CapacityLog() {
        this((operation, kind, capacityUnits) -> { });
    }

    public CapacityLog(Listener listener) {
        this.listener = listener;
    }

    void record(String operation, Kind kind, ConsumedCapacity consumed) {
        record(operation, kind, consumed == null ? List.of() : List.of(consumed));
    }

    void record(String operation, Kind kind, Collection<ConsumedCapacity> consumed) {
        double total = consumed.stream().mapToDouble(c -> c.capacityUnits() == null ? 0 : c.capacityUnits()).sum();
        calls.computeIfAbsent(operation, o -> new LongAdder()).increment();
        units.computeIfAbsent(operation, o -> new DoubleAdder()).add(total);
        listener.consumed(operation, kind, total);
        LOG.debug("{} consumed {} {} capacity units", operation, total, kind.label());
    }

    /** Usage per operation so far, by operation name. */
    public Map<String, Usage> snapshot() {
        Map<String, Usage> snapshot = new TreeMap<>();
        calls.forEach((operation, count) -> snapshot.put(operation,
                new Usage(count.sum(), units.getOrDefault(operation, new DoubleAdder()).sum())));
        return snapshot;
    }
}
