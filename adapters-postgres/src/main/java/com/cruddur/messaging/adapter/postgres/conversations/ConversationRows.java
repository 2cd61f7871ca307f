package com.cruddur.messaging.adapter.postgres.conversations;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The SQL of the PostgreSQL conversation store; every value is a bind parameter. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ConversationRows extends GenericRepository<GroupRecord, UUID> {

    @Query("SELECT * FROM message_groups WHERE uuid = :uuid")
    Optional<GroupRecord> findGroup(UUID uuid);

    @Query("SELECT * FROM message_groups WHERE user_low = :userLow AND user_high = :userHigh")
    Optional<GroupRecord> findGroupOfPair(UUID userLow, UUID userHigh);

    /** Returns 0 when the pair already has a group: the unique constraint decides, even between racing transactions. */
    @Query("INSERT INTO message_groups (uuid, user_low, user_high, first_user_uuid, first_user_handle, "
            + "first_user_display_name, second_user_uuid, second_user_handle, second_user_display_name, created_at) "
            + "VALUES (:uuid, :userLow, :userHigh, :firstUserUuid, :firstUserHandle, :firstUserDisplayName, "
            + ":secondUserUuid, :secondUserHandle, :secondUserDisplayName, :createdAt) "
            + "ON CONFLICT (user_low, user_high) DO NOTHING")
    int insertGroupIfPairFree(UUID uuid, UUID userLow, UUID userHigh, UUID firstUserUuid, String firstUserHandle,
                              String firstUserDisplayName, UUID secondUserUuid, String secondUserHandle,
                              String secondUserDisplayName, OffsetDateTime createdAt);

    /** Locks the group until the transaction ends, so that appends to one group take turns. */
    @Query("SELECT * FROM message_groups WHERE uuid = :uuid FOR UPDATE")
    Optional<GroupRecord> lockGroup(UUID uuid);

    @Query("SELECT created_at FROM messages WHERE message_group_uuid = :group ORDER BY created_at DESC LIMIT 1")
    Optional<OffsetDateTime> latestMessageTime(UUID group);

    @Query("INSERT INTO messages (uuid, message_group_uuid, user_uuid, user_handle, user_display_name, message, created_at) "
            + "VALUES (:uuid, :group, :userUuid, :userHandle, :userDisplayName, :message, :createdAt)")
    int insertMessage(UUID uuid, UUID group, UUID userUuid, String userHandle, String userDisplayName, String message,
                      OffsetDateTime createdAt);

    @Query("INSERT INTO message_group_summaries (message_group_uuid, owner_uuid, other_user_uuid, other_user_handle, "
            + "other_user_display_name, last_message, last_message_at) "
            + "VALUES (:group, :owner, :otherUserUuid, :otherUserHandle, :otherUserDisplayName, :lastMessage, :lastMessageAt)")
    int insertSummary(UUID group, UUID owner, UUID otherUserUuid, String otherUserHandle, String otherUserDisplayName,
                      String lastMessage, OffsetDateTime lastMessageAt);

    /** Moves the group's summaries that show an older message; returns how many moved. */
    @Query("UPDATE message_group_summaries SET last_message = :lastMessage, last_message_at = :lastMessageAt "
            + "WHERE message_group_uuid = :group AND last_message_at < :lastMessageAt")
    int moveSummaries(UUID group, String lastMessage, OffsetDateTime lastMessageAt);

    @Query("SELECT count(*) FROM message_group_summaries WHERE message_group_uuid = :group")
    int countSummaries(UUID group);

    @Query("SELECT * FROM messages WHERE message_group_uuid = :group ORDER BY created_at DESC LIMIT :limit")
    List<MessageRecord> newestMessages(UUID group, int limit);

    @Query("SELECT * FROM messages WHERE message_group_uuid = :group AND created_at < :before "
            + "ORDER BY created_at DESC LIMIT :limit")
    List<MessageRecord> newestMessagesBefore(UUID group, OffsetDateTime before, int limit);

    @Query("SELECT * FROM message_group_summaries WHERE owner_uuid = :owner "
            + "ORDER BY last_message_at DESC, message_group_uuid DESC LIMIT :limit")
    List<SummaryRecord> newestSummaries(UUID owner, int limit);

    @Query("SELECT * FROM message_group_summaries WHERE owner_uuid = :owner "
            + "AND (last_message_at, message_group_uuid) < (:at, :group) "
            + "ORDER BY last_message_at DESC, message_group_uuid DESC LIMIT :limit")
    List<SummaryRecord> newestSummariesAfter(UUID owner, OffsetDateTime at, UUID group, int limit);
}
