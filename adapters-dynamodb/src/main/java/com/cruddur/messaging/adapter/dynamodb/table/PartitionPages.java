package com.cruddur.messaging.adapter.dynamodb.table;

import static com.cruddur.messaging.adapter.dynamodb.table.Attributes.PK;
import static com.cruddur.messaging.adapter.dynamodb.table.Attributes.SK;
import static com.cruddur.messaging.adapter.dynamodb.table.Attributes.s;

import com.cruddur.messaging.domain.error.ErrorCode;
import com.cruddur.messaging.domain.error.InvalidInputException;
import com.cruddur.messaging.domain.model.Cursor;
import com.cruddur.messaging.domain.model.Page;
import com.cruddur.messaging.domain.model.PageRequest;
import com.cruddur.messaging.domain.model.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * One page of a partition, newest first, eventually consistent — how Patterns A and B read. The cursor
 * is the sort key of the page's last item, exactly as stored (which keeps the original's own formats
 * working); one item more than the page is read to know whether a next page exists. An item the store
 * cannot read is skipped (and logged), not fatal to its page.
 */
public final class PartitionPages {
    private static final Logger LOG = LoggerFactory.getLogger(PartitionPages.class);

    private final TableClient table;

    public PartitionPages(TableClient table) {
        this.table = table;
    }

    public <T> Page<T> newestFirst(String operation, String pk, PageRequest page, Function<Map<String, AttributeValue>, T> reader) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", s(pk));
        page.cursor().ifPresent(cursor -> values.put(":before", s(sortKeyOf(cursor))));
        QueryResponse response = table.query(operation, query -> query
                .keyConditionExpression(PK + " = :pk" + (page.cursor().isPresent() ? " AND " + SK + " < :before" : ""))
                .expressionAttributeValues(values)
                .scanIndexForward(false)
                .limit(page.limit() + 1));
        List<Map<String, AttributeValue>> items = response.items();
        boolean more = items.size() > page.limit();
        List<Map<String, AttributeValue>> shown = more ? items.subList(0, page.limit()) : items;
        List<T> read = new ArrayList<>();
        for (Map<String, AttributeValue> item : shown) {
            try {
                read.add(reader.apply(item));
            } catch (MalformedItemException e) {
                LOG.warn("skipping an item the store cannot read: {}", e.getMessage());
            }
        }
        Optional<Cursor> next = more
                ? Optional.of(new Cursor(Attributes.required(shown.get(shown.size() - 1), SK)))
                : Optional.empty();
        return new Page<>(read, next);
    }

    private static String sortKeyOf(Cursor cursor) {
        try {
            Timestamp.parse(cursor.value());
            return cursor.value();
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(ErrorCode.CURSOR_INVALID);
        }
    }
}
