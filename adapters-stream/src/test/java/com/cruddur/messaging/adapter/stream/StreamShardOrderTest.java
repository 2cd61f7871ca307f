package com.cruddur.messaging.adapter.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.Shard;

/** Shard lineage: DynamoDB Local never splits shards, so the order is checked on described shards directly. */
class StreamShardOrderTest {
    private static final Shard ROOT = shard("root", null);
    private static final Shard LEFT = shard("left", "root");
    private static final Shard RIGHT = shard("right", "root");
    private static final Shard GRANDCHILD = shard("grandchild", "left");
    private static final Shard ORPHAN = shard("orphan", "trimmed-long-ago");

    @Test
    void readsAParentBeforeItsChildren() {
        assertThat(StreamPoller.readable(List.of(ROOT, LEFT, RIGHT, GRANDCHILD), Set.of()))
                .containsExactly(ROOT);
    }

    @Test
    void readsTheChildrenOnceTheParentIsFinished() {
        assertThat(StreamPoller.readable(List.of(ROOT, LEFT, RIGHT, GRANDCHILD), Set.of("root")))
                .containsExactly(LEFT, RIGHT);
        assertThat(StreamPoller.readable(List.of(ROOT, LEFT, RIGHT, GRANDCHILD), Set.of("root", "left")))
                .containsExactly(RIGHT, GRANDCHILD);
    }

    @Test
    void readsAShardWhoseParentHasBeenTrimmedFromTheStream() {
        assertThat(StreamPoller.readable(List.of(ORPHAN), Set.of())).containsExactly(ORPHAN);
    }

    private static Shard shard(String id, String parent) {
        return Shard.builder().shardId(id).parentShardId(parent).build();
    }
}
