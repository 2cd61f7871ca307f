package com.cruddur.messaging.adapter.dynamodb;

import com.cruddur.messaging.domain.application.port.in.ProjectMessageCommand;
import com.cruddur.messaging.domain.application.port.in.ProjectMessageUseCase;
import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.MessageGroupId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stream consumer's one code path, shared by the poller and the Lambda handler: the {@code MSG#}
 * inserts of a batch are projected onto their groups' summaries; everything else is skipped.
 *
 * <p>Summaries only move forward, so of several messages of one group in a batch only the newest can
 * show: it alone is projected (a busy conversation costs one summary move per batch, not one per
 * message). Groups are handled in the order they first appear; when one fails, the batch stops and
 * names that group's first record, so the runner retries from there — records after it may be
 * projected twice, which changes nothing.
 */
public final class MessageProjector {
    private static final Logger LOG = LoggerFactory.getLogger(MessageProjector.class);

    /** What a batch came to. {@code failedAt} is the sequence number to resume from, if a record failed. */
    public record BatchResult(int projected, int skipped, Optional<String> failedAt) {
    }

    private final ProjectMessageUseCase projectMessage;

    public MessageProjector(ProjectMessageUseCase projectMessage) {
        this.projectMessage = Objects.requireNonNull(projectMessage, "projectMessage");
    }

    public BatchResult handle(List<ChangeRecord> batch) {
        Map<MessageGroupId, Newest> newestByGroup = new LinkedHashMap<>();
        int skipped = 0;
        for (ChangeRecord record : batch) {
            Optional<Message> message = messageOf(record);
            if (message.isEmpty()) {
                skipped++;
                continue;
            }
            newestByGroup.merge(message.get().groupId(), new Newest(record.sequenceNumber(), message.get(), 1),
                    Newest::with);
        }
        int projected = 0;
        for (Newest newest : newestByGroup.values()) {
            try {
                projectMessage.projectMessage(new ProjectMessageCommand(newest.message()));
                projected += newest.messages();
            } catch (RuntimeException e) {
                LOG.warn("projecting stream record {} failed; it will be retried: {}", newest.firstSequenceNumber(),
                        e.toString());
                return new BatchResult(projected, skipped, Optional.of(newest.firstSequenceNumber()));
            }
        }
        return new BatchResult(projected, skipped, Optional.empty());
    }

    /** A group's newest message in the batch, where its records start, and how many messages it stands for. */
    private record Newest(String firstSequenceNumber, Message message, int messages) {
        Newest with(Newest later) {
            Message newer = later.message.createdAt().isAfter(message.createdAt()) ? later.message : message;
            return new Newest(firstSequenceNumber, newer, messages + later.messages);
        }
    }

    private static Optional<Message> messageOf(ChangeRecord record) {
        if (!record.isMessageInsert()) {
            return Optional.empty();
        }
        try {
            return Optional.of(MessageRow.message(record.newImage()));
        } catch (MalformedItemException e) {
            // A row nobody can read would block the stream forever if it failed the batch.
            LOG.warn("skipping stream record {}: {}", record.sequenceNumber(), e.getMessage());
            return Optional.empty();
        }
    }
}
