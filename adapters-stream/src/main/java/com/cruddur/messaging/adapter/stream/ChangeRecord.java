package com.cruddur.messaging.adapter.stream;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * One change of the table as both stream runners see it, whether it came from the Streams API
 * (the poller) or in a Lambda event.
 *
 * @param eventName {@code INSERT}, {@code MODIFY} or {@code REMOVE}
 * @param newImage  the item after the change; empty for removals
 */
public record ChangeRecord(String eventName, String sequenceNumber, Map<String, AttributeValue> newImage) {
    public ChangeRecord {
        Objects.requireNonNull(eventName, "eventName");
        Objects.requireNonNull(sequenceNumber, "sequenceNumber");
        newImage = newImage == null ? Map.of() : Map.copyOf(newImage);
    }

    static ChangeRecord of(Record record) {
        return new ChangeRecord(record.eventNameAsString(), record.dynamodb().sequenceNumber(),
                record.dynamodb().hasNewImage() ? record.dynamodb().newImage() : Map.of());
    }

    /** From a Lambda event, keeping the string attributes: every attribute of our items is a string. */
    static ChangeRecord of(com.amazonaws.services.lambda.runtime.events.models.dynamodb.Record record) {
        var image = record.getDynamodb().getNewImage();
        Map<String, AttributeValue> strings = new HashMap<>();
        if (image != null) {
            image.forEach((name, value) -> {
                if (value != null && value.getS() != null) {
                    strings.put(name, AttributeValue.fromS(value.getS()));
                }
            });
        }
        return new ChangeRecord(record.getEventName(), record.getDynamodb().getSequenceNumber(), strings);
    }

    /** A message stored ({@code INSERT}), or edited or deleted ({@code MODIFY}: its new state). */
    boolean isMessageChange() {
        return ("INSERT".equals(eventName) || "MODIFY".equals(eventName)) && StreamImages.isMessage(newImage);
    }
}
