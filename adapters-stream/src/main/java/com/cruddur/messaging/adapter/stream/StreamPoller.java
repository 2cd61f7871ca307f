package com.cruddur.messaging.adapter.stream;

import com.cruddur.messaging.support.StoreReachability;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The stream consumer for a single node (the embedded default): one thread reads every shard of
 * the table's stream through the Streams API and hands the records to the {@link MessageProjector}.
 *
 * <p>A child shard is read only once its parent is finished, so a group's messages are projected in
 * order. Progress is checkpointed per shard in memory: {@link #stop()} then {@link #start()} resumes
 * where it stopped, and a new process replays the stream from its oldest record (at most 24 hours),
 * which changes nothing because projection is idempotent.
 */
public final class StreamPoller implements AutoCloseable {
    /** What its outages and its gauge name it. */
    public static final String STORE = "DynamoDB Streams";
    private static final Logger LOG = LoggerFactory.getLogger(StreamPoller.class);
    private static final Duration REDESCRIBE_EVERY = Duration.ofSeconds(5);
    private static final Duration BACKOFF = Duration.ofMillis(500);

    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final MessageProjector projector;
    private final Duration idleWait;
    private final Map<String, String> checkpoints = new ConcurrentHashMap<>();
    private final Set<String> finishedShards = ConcurrentHashMap.newKeySet();
    private final AtomicLong projected = new AtomicLong();
    /** When the newest record of the last batch read was written to the stream (0: the last read found none). */
    private volatile long lastBatchWrittenAtMillis;
    private final StoreReachability reachability;
    private Thread worker;
    private volatile boolean running;

    public StreamPoller(DynamoDbStreamsClient streams, String streamArn, MessageProjector projector, Duration idleWait) {
        this.streams = streams;
        this.streamArn = streamArn;
        this.projector = projector;
        this.idleWait = idleWait;
        var configuration = streams.serviceClientConfiguration();
        this.reachability = new StoreReachability(STORE, configuration.endpointOverride().map(Object::toString)
                .orElseGet(() -> "AWS in " + configuration.region()));
    }

    public synchronized void start() {
        if (worker != null) {
            return;
        }
        running = true;
        worker = new Thread(this::run, "dynamodb-stream-poller");
        worker.setDaemon(true);
        worker.start();
        LOG.info("polling the stream {}", streamArn);
    }

    /** Stops reading and waits for the thread to end; checkpoints stay, so {@link #start()} resumes. */
    public synchronized void stop() {
        if (worker == null) {
            return;
        }
        running = false;
        worker.interrupt();
        try {
            worker.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        worker = null;
    }

    @Override
    public void close() {
        stop();
    }

    /** Whether the stream answers, call by call: an outage's gauge in the metrics. */
    public StoreReachability reachability() {
        return reachability;
    }

    /**
     * How far behind the stream the poller is, as Lambda's {@code IteratorAge} says it: the age of the newest record
     * of the last batch read (a batch read again after a failed projection grows older), zero once a read finds no
     * new record.
     */
    public Duration iteratorAge() {
        long writtenAt = lastBatchWrittenAtMillis;
        return writtenAt == 0 ? Duration.ZERO : Duration.ofMillis(Math.max(0, System.currentTimeMillis() - writtenAt));
    }

    /** How many messages this poller has projected so far. */
    public long projected() {
        return projected.get();
    }

    private void run() {
        Map<String, String> iterators = new HashMap<>();
        List<Shard> shards = List.of();
        Instant describeAt = Instant.MIN;
        while (running) {
            try {
                if (!Instant.now().isBefore(describeAt)) {
                    shards = describe();
                    describeAt = Instant.now().plus(REDESCRIBE_EVERY);
                }
                boolean busy = false;
                for (Shard shard : readable(shards, finishedShards)) {
                    busy |= poll(shard, iterators);
                    if (finishedShards.contains(shard.shardId())) {
                        describeAt = Instant.MIN; // its children may be waiting
                    }
                }
                reachability.answered().ifPresent(LOG::info);
                if (!busy) {
                    Thread.sleep(idleWait.toMillis());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return; // stopped mid-call: the SDK reports the interrupt as a failure
                }
                // Whatever went wrong, the poller must outlive it: back off and read again from the checkpoints.
                // An outage is told when it starts and when it ends, not every half second.
                reachability.failed(e).ifPresent(line -> LOG.warn("{}; the summaries wait", line));
                LOG.debug("reading the stream failed, retrying", e);
                iterators.clear();
                pause(BACKOFF);
            }
        }
    }

    /** Reads one batch of a shard. Returns whether it got records. */
    private boolean poll(Shard shard, Map<String, String> iterators) throws InterruptedException {
        String shardId = shard.shardId();
        String iterator = iterators.computeIfAbsent(shardId, this::iteratorFor);
        GetRecordsResponse response;
        try {
            response = streams.getRecords(request -> request.shardIterator(iterator).limit(1000));
        } catch (ExpiredIteratorException expired) {
            iterators.remove(shardId);
            return true;
        }
        List<Record> records = response.records();
        Instant newest = records.isEmpty() ? null : records.get(records.size() - 1).dynamodb().approximateCreationDateTime();
        lastBatchWrittenAtMillis = newest == null ? 0 : newest.toEpochMilli();
        if (!records.isEmpty()) {
            MessageProjector.BatchResult result = projector.handle(records.stream().map(ChangeRecord::of).toList());
            projected.addAndGet(result.projected());
            if (result.failedAt().isPresent()) {
                checkpointBefore(shardId, records, result.failedAt().get());
                iterators.remove(shardId);
                Thread.sleep(BACKOFF.toMillis());
                return true;
            }
            checkpoints.put(shardId, records.get(records.size() - 1).dynamodb().sequenceNumber());
        }
        if (response.nextShardIterator() == null) {
            finishedShards.add(shardId);
            iterators.remove(shardId);
        } else {
            iterators.put(shardId, response.nextShardIterator());
        }
        return !records.isEmpty();
    }

    private void checkpointBefore(String shardId, List<Record> records, String failedSequenceNumber) {
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).dynamodb().sequenceNumber().equals(failedSequenceNumber)) {
                if (i > 0) {
                    checkpoints.put(shardId, records.get(i - 1).dynamodb().sequenceNumber());
                }
                return;
            }
        }
    }

    private String iteratorFor(String shardId) {
        String checkpoint = checkpoints.get(shardId);
        return streams.getShardIterator(request -> {
            request.streamArn(streamArn).shardId(shardId);
            if (checkpoint == null) {
                request.shardIteratorType(ShardIteratorType.TRIM_HORIZON);
            } else {
                request.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(checkpoint);
            }
        }).shardIterator();
    }

    private List<Shard> describe() {
        List<Shard> shards = new ArrayList<>();
        String last = null;
        do {
            String from = last;
            StreamDescription description = streams.describeStream(request -> request.streamArn(streamArn)
                    .exclusiveStartShardId(from)).streamDescription();
            shards.addAll(description.shards());
            last = description.lastEvaluatedShardId();
        } while (last != null);
        return shards;
    }

    /**
     * The shards to read now: unfinished ones whose parent is finished or already trimmed from the
     * stream, so that records of one key (which move from a parent to its children) stay in order.
     */
    static List<Shard> readable(List<Shard> shards, Set<String> finishedShards) {
        Set<String> known = shards.stream().map(Shard::shardId).collect(Collectors.toSet());
        return shards.stream()
                .filter(shard -> !finishedShards.contains(shard.shardId()))
                .filter(shard -> shard.parentShardId() == null || !known.contains(shard.parentShardId())
                        || finishedShards.contains(shard.parentShardId()))
                .toList();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
