package com.cruddur.messaging.adapter.stream;

import com.cruddur.messaging.domain.application.port.in.ProjectMessageCommand;
import com.cruddur.messaging.domain.application.port.in.ProjectMessageUseCase;
import com.cruddur.messaging.domain.application.port.in.ProjectReadMarkersCommand;
import com.cruddur.messaging.domain.application.port.in.ProjectReadMarkersUseCase;
import com.cruddur.messaging.domain.error.StoreUnavailableException;
import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.ReadMarkers;
import com.cruddur.messaging.domain.model.Timestamp;
import com.cruddur.messaging.domain.model.UserId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stream consumer's one code path, shared by the poller and the Lambda handler: the {@code MSG#}
 * inserts and modifications (edits, deletions) of a batch are projected onto their groups' summaries, and so are the read markers of the
 * members records that changed; everything else is skipped.
 *
 * <p>A group's messages in a batch are projected together (a busy conversation costs one summary move
 * per batch, not one per message), and so are its marker changes. Groups are handled in the order they
 * first appear; when one fails, the batch stops and names that group's first record, so the runner
 * retries from there — records after it may be projected twice, which changes nothing.
 */
public final class MessageProjector {
    private static final Logger LOG = LoggerFactory.getLogger(MessageProjector.class);

    /** What a batch came to. {@code failedAt} is the sequence number to resume from, if a record failed. */
    public record BatchResult(int projected, int skipped, Optional<String> failedAt) {
    }

    private final ProjectMessageUseCase projectMessage;
    private final ProjectReadMarkersUseCase projectReadMarkers;

    public MessageProjector(ProjectMessageUseCase projectMessage, ProjectReadMarkersUseCase projectReadMarkers) {
        this.projectMessage = Objects.requireNonNull(projectMessage, "projectMessage");
        this.projectReadMarkers = Objects.requireNonNull(projectReadMarkers, "projectReadMarkers");
    }

    public BatchResult handle(List<ChangeRecord> batch) {
        Map<Work, Pending> pending = new LinkedHashMap<>();
        int skipped = 0;
        for (ChangeRecord record : batch) {
            Optional<Message> message = messageOf(record);
            Optional<ReadMarkers> markers = message.isPresent() ? Optional.empty() : markersOf(record);
            if (message.isPresent()) {
                pending.computeIfAbsent(new Work(message.get().groupId(), false), work -> new Pending(record.sequenceNumber()))
                        .messages.add(message.get());
            } else if (markers.isPresent()) {
                pending.computeIfAbsent(new Work(markers.get().group(), true), work -> new Pending(record.sequenceNumber()))
                        .markers.add(markers.get());
            } else {
                skipped++;
            }
        }
        int projected = 0;
        for (Map.Entry<Work, Pending> entry : pending.entrySet()) {
            Pending work = entry.getValue();
            try {
                if (entry.getKey().markers()) {
                    projectReadMarkers.projectReadMarkers(new ProjectReadMarkersCommand(work.latestMarkers()));
                    projected += work.markers.size();
                } else {
                    projectMessage.projectMessage(new ProjectMessageCommand(work.messages));
                    projected += work.messages.size();
                }
            } catch (RuntimeException e) {
                if (e instanceof StoreUnavailableException) {
                    // The store tells of its own outage, once; the record is simply retried.
                    LOG.debug("projecting stream record {} failed; it will be retried", work.firstSequenceNumber, e);
                } else {
                    LOG.warn("projecting stream record {} failed; it will be retried: {}", work.firstSequenceNumber,
                            e.toString());
                }
                return new BatchResult(projected, skipped, Optional.of(work.firstSequenceNumber));
            }
        }
        return new BatchResult(projected, skipped, Optional.empty());
    }

    /** One group's messages, or its markers. */
    private record Work(MessageGroupId group, boolean markers) {
    }

    /** What a batch holds for one piece of work, and where its records start. */
    private static final class Pending {
        final String firstSequenceNumber;
        final List<Message> messages = new ArrayList<>();
        final List<ReadMarkers> markers = new ArrayList<>();

        Pending(String firstSequenceNumber) {
            this.firstSequenceNumber = firstSequenceNumber;
        }

        /** Each member's latest marker of the batch's images (markers only move forward). */
        ReadMarkers latestMarkers() {
            Map<UserId, Timestamp> latest = new HashMap<>();
            for (ReadMarkers image : markers) {
                image.lastReadAt().forEach((member, at) -> latest.merge(member, at, Timestamp::latest));
            }
            return new ReadMarkers(markers.get(0).group(), latest);
        }
    }

    private static Optional<Message> messageOf(ChangeRecord record) {
        if (!record.isMessageChange()) {
            return Optional.empty();
        }
        try {
            return Optional.of(StreamImages.message(record.newImage()));
        } catch (IllegalArgumentException e) {
            // A row nobody can read would block the stream forever if it failed the batch.
            LOG.warn("skipping stream record {}: {}", record.sequenceNumber(), e.getMessage());
            return Optional.empty();
        }
    }

    /** The markers of a members record's new image, if it is one and holds any. */
    private static Optional<ReadMarkers> markersOf(ChangeRecord record) {
        Optional<MessageGroupId> group = StreamImages.membersGroup(record.newImage());
        if (group.isEmpty()) {
            return Optional.empty();
        }
        try {
            ReadMarkers markers = StreamImages.markers(group.get(), record.newImage());
            return markers.lastReadAt().isEmpty() ? Optional.empty() : Optional.of(markers);
        } catch (IllegalArgumentException e) {
            LOG.warn("skipping stream record {}: {}", record.sequenceNumber(), e.getMessage());
            return Optional.empty();
        }
    }
}
