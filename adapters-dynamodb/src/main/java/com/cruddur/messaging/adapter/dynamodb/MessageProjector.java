package com.cruddur.messaging.adapter.dynamodb;

import com.cruddur.messaging.domain.application.port.in.ProjectMessageCommand;
import com.cruddur.messaging.domain.application.port.in.ProjectMessageUseCase;
import com.cruddur.messaging.domain.model.Message;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stream consumer's one code path, shared by the poller and the Lambda handler: every
 * {@code MSG#} insert of a batch is projected onto the group's summaries, in stream order;
 * everything else is skipped. It stops at the first record that fails and names it, so that the
 * runner retries from there (projection is idempotent, so records before it may be replayed safely).
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
        int projected = 0;
        int skipped = 0;
        for (ChangeRecord record : batch) {
            Optional<Message> message = messageOf(record);
            if (message.isEmpty()) {
                skipped++;
                continue;
            }
            try {
                projectMessage.projectMessage(new ProjectMessageCommand(message.get()));
                projected++;
            } catch (RuntimeException e) {
                LOG.warn("projecting stream record {} failed; it will be retried: {}", record.sequenceNumber(), e.toString());
                return new BatchResult(projected, skipped, Optional.of(record.sequenceNumber()));
            }
        }
        return new BatchResult(projected, skipped, Optional.empty());
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
