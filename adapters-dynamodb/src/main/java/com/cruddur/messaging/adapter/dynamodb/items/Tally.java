package com.cruddur.messaging.adapter.dynamodb.items;

import com.cruddur.messaging.domain.model.Timestamp;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What a summary row's unread count has seen, so that a message is never counted twice nor missed:
 * {@code upTo}, the newest message time it has seen; and the times of the other member's messages it
 * counted after {@code since} (the last {@link #KEPT}). Messages arrive from the stream out of time
 * order when several instances send to one group at once, and again when a batch is retried: a message
 * no newer than {@code since} cannot be placed, and only then is the count taken again from the table.
 * Stored compactly on the row: the counted times as base-36 microseconds before {@code upTo}.
 */
public record Tally(Timestamp upTo, Timestamp since, TreeSet<Timestamp> counted) {
    /** Enough to place messages that raced each other; few enough to keep the row small. */
    public static final int KEPT = 32;

    public Tally {
        counted = new TreeSet<>(counted);
    }

    /** Nothing placed yet: everything up to {@code upTo} is in the count already. */
    public static Tally startingAt(Timestamp upTo) {
        return new Tally(upTo, upTo, new TreeSet<>());
    }

    /** Whether the message's place is known: newer than what the tally has seen, or inside its window. */
    public boolean canPlace(Timestamp at) {
        return at.isAfter(since);
    }

    public boolean hasCounted(Timestamp at) {
        return counted.contains(at);
    }

    /** The tally after counting these (placeable) times of the other member's messages and seeing up to {@code seen}. */
    public Tally with(List<Timestamp> newlyCounted, Timestamp seen) {
        TreeSet<Timestamp> kept = new TreeSet<>(counted);
        kept.addAll(newlyCounted);
        Timestamp floor = since;
        while (kept.size() > KEPT) {
            floor = kept.pollFirst();
        }
        return new Tally(Timestamp.latest(upTo, seen), floor, kept);
    }

    /** How many counted messages lie after {@code marker}, if the window covers everything after it. */
    public Optional<Integer> countedAfter(Timestamp marker) {
        if (marker.isAfter(since) || marker.equals(since)) {
            return Optional.of(counted.tailSet(marker, false).size());
        }
        return Optional.empty();
    }

    String encodedCounted() {
        List<String> offsets = new ArrayList<>();
        for (Timestamp at : counted) {
            offsets.add(Long.toString(ChronoUnit.MICROS.between(at.instant(), upTo.instant()), Character.MAX_RADIX));
        }
        return String.join(",", offsets);
    }

    static Tally decode(Timestamp upTo, Timestamp since, String encoded) {
        TreeSet<Timestamp> counted = new TreeSet<>();
        if (!encoded.isEmpty()) {
            for (String offset : encoded.split(",")) {
                counted.add(new Timestamp(upTo.instant().minus(Long.parseLong(offset, Character.MAX_RADIX), ChronoUnit.MICROS)));
            }
        }
        return new Tally(upTo, since, counted);
    }
}
