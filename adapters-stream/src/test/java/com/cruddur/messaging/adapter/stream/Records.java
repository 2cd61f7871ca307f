package com.cruddur.messaging.adapter.stream;

import com.cruddur.messaging.adapter.dynamodb.TableItems;
import com.cruddur.messaging.domain.application.port.out.ConversationStore;
import com.cruddur.messaging.domain.application.usecase.ProjectMessage;
import com.cruddur.messaging.domain.application.usecase.ProjectReadMarkers;
import com.cruddur.messaging.domain.model.Message;
import java.util.concurrent.atomic.AtomicLong;

/** Change records as DynamoDB Streams delivers them, of the store's own items; and a projector as app composes it. */
final class Records {
    private static final AtomicLong SEQUENCE = new AtomicLong(1_000_000);

    private Records() {
    }

    /** A stream record of the message's insert. */
    static ChangeRecord inserted(Message message) {
        return new ChangeRecord("INSERT", nextSequenceNumber(), TableItems.message(message));
    }

    /** A stream record of the message's edit or deletion: its new image. */
    static ChangeRecord modified(Message message) {
        return new ChangeRecord("MODIFY", nextSequenceNumber(), TableItems.message(message));
    }

    static String nextSequenceNumber() {
        return String.format("%021d", SEQUENCE.incrementAndGet());
    }

    /** The consumer on the store's own projection use cases. */
    static MessageProjector projectorOf(ConversationStore store) {
        return new MessageProjector(new ProjectMessage(store), new ProjectReadMarkers(store));
    }
}
