package com.cruddur.messaging.adapter.dynamodb.rooms;

import static com.cruddur.messaging.adapter.dynamodb.table.Attributes.PK;
import static com.cruddur.messaging.adapter.dynamodb.table.Attributes.s;

import com.cruddur.messaging.adapter.dynamodb.items.GroupRow;
import com.cruddur.messaging.adapter.dynamodb.items.MembersRecord;
import com.cruddur.messaging.adapter.dynamodb.table.TableClient;
import com.cruddur.messaging.domain.model.MessageGroup;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.ReadMarkers;
import com.cruddur.messaging.domain.model.Timestamp;
import com.cruddur.messaging.domain.model.UserId;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Both members' read markers, kept on the group's {@link MembersRecord}: a marker moves only forward, by
 * one conditional update; the stream carries the record's new image to the summaries.
 */
public final class ReadMarkerRecords {
    private final TableClient table;
    private final SummaryRows summaryRows;

    public ReadMarkerRecords(TableClient table, SummaryRows summaryRows) {
        this.table = table;
        this.summaryRows = summaryRows;
    }

    public ReadMarkers markRead(MessageGroup group, UserId reader, Timestamp upTo) {
        String marker = MembersRecord.markerOf(group, reader);
        var written = table.updateIf("markRead", MembersRecord.key(group.id()), "SET " + marker + " = :upTo",
                "attribute_exists(" + PK + ") AND (attribute_not_exists(" + marker + ") OR " + marker + " < :upTo)",
                Map.of(":upTo", s(upTo.format())));
        Map<String, AttributeValue> item = written.item().isEmpty() ? read(group.id()) : written.item();
        return MembersRecord.markers(group, item);
    }

    /** The members' read markers, strongly consistent: a marker moved a moment ago must not be lost. */
    public ReadMarkers of(MessageGroup group) {
        return MembersRecord.markers(group, read(group.id()));
    }

    /**
     * The members' markers as they are shown: each the later of the members record's (moved by reading) and the
     * member's summary row's (moved by their own sends too, when the stream projects them; read through the index,
     * eventually consistent, so a send's move may show a moment late).
     */
    public ReadMarkers shown(MessageGroup group) {
        Map<UserId, Timestamp> markers = new HashMap<>(of(group).lastReadAt());
        for (GroupRow row : summaryRows.inIndex(group.id())) {
            row.summary().reads().lastReadAt()
                    .ifPresent(at -> markers.merge(row.summary().owner(), at, Timestamp::latest));
        }
        return new ReadMarkers(group.id(), markers);
    }

    private Map<String, AttributeValue> read(MessageGroupId group) {
        return table.get("markers", MembersRecord.key(group), true).orElse(Map.of());
    }
}
