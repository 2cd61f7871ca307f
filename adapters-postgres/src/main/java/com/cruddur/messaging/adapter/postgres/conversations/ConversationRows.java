package com.cruddur.messaging.adapter.postgres.conversations;

import io.micronaut.core.annotation.Nullable;
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
    /** Unread messages are counted exactly this far, enough to tell "999" from "more". */
    String UNREAD_COUNTED = "1000";
    /**
     * A member's summaries with the other member's marker and the unread count, counted here (capped), so
     * that the listing stays one statement and no increment can be lost.
     */
    String SUMMARIES_WITH_READS = "SELECT s.*, o.last_read_at AS other_last_read_at, "
            + "(SELECT count(*) FROM (SELECT 1 FROM messages m WHERE m.message_group_uuid = s.message_group_uuid "
            + "AND m.user_uuid = s.other_user_uuid AND m.created_at > coalesce(s.last_read_at, '-infinity') "
            + "LIMIT " + UNREAD_COUNTED + ") unread) AS unread_count "
            + "FROM message_group_summaries s LEFT JOIN message_group_summaries o "
            + "ON o.message_group_uuid = s.message_group_uuid AND o.owner_uuid = s.other_user_uuid "
            + "WHERE s.owner_uuid = :owner ";

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
            + "other_user_display_name, last_message, last_message_at, last_read_at) "
            + "VALUES (:group, :owner, :otherUserUuid, :otherUserHandle, :otherUserDisplayName, :lastMessage, :lastMessageAt, "
            + ":lastReadAt)")
    int insertSummary(UUID group, UUID owner, UUID otherUserUuid, String otherUserHandle, String otherUserDisplayName,
                      String lastMessage, OffsetDateTime lastMessageAt, @Nullable OffsetDateTime lastReadAt);

    /** Moves the group's summaries that show an older message; returns how many moved. */
    @Query("UPDATE message_group_summaries SET last_message = :lastMessage, last_message_at = :lastMessageAt "
            + "WHERE message_group_uuid = :group AND last_message_at < :lastMessageAt")
    int moveSummaries(UUID group, String lastMessage, OffsetDateTime lastMessageAt);

    /** Moves a member's read marker forward (never back); returns 0 when it was already there or later. */
    @Query("UPDATE message_group_summaries SET last_read_at = :upTo WHERE message_group_uuid = :group "
            + "AND owner_uuid = :reader AND (last_read_at IS NULL OR last_read_at < :upTo)")
    int moveMarker(UUID group, UUID reader, OffsetDateTime upTo);

    @Query("SELECT * FROM message_group_summaries WHERE message_group_uuid = :group")
    List<MarkerRecord> markers(UUID group);

    @Query("SELECT * FROM messages WHERE message_group_uuid = :group AND uuid = :uuid")
    Optional<MessageRecord> findMessage(UUID group, UUID uuid);

    /**
     * Claims a client's id for a message about to be inserted in this transaction; an expired claim is
     * taken over. Returns 0 when a live claim exists (a racing claim waits for the other transaction).
     */
    @Query("INSERT INTO client_message_ids (sender_uuid, client_message_id, message_uuid, expires_at, text_sha256) "
            + "VALUES (:sender, :clientId, :message, now() + make_interval(hours => :keptHours), :textSha256) "
            + "ON CONFLICT (sender_uuid, client_message_id) DO UPDATE SET message_uuid = EXCLUDED.message_uuid, "
            + "expires_at = EXCLUDED.expires_at, text_sha256 = EXCLUDED.text_sha256 "
            + "WHERE client_message_ids.expires_at <= now()")
    int claimClientId(UUID sender, String clientId, UUID message, int keptHours, String textSha256);

    /** The digest of a claimed send's text; none for claims made before digests were kept. */
    @Query("SELECT text_sha256 FROM client_message_ids WHERE sender_uuid = :sender AND client_message_id = :clientId")
    Optional<String> findClaimedTextDigest(UUID sender, String clientId);

    /**
     * Writes a later state of a message (its edit or deletion) on condition that it is still as the caller
     * read it and not deleted. Returns 0 when it changed meanwhile.
     */
    /** The sender's copied profile too: an erasure's tombstone carries the erased one. */
    @Query("UPDATE messages SET message = :message, edited_at = :editedAt, deleted_at = :deletedAt, "
            + "user_handle = :userHandle, user_display_name = :userDisplayName "
            + "WHERE uuid = :uuid AND message_group_uuid = :group "
            + "AND deleted_at IS NOT DISTINCT FROM CAST(:wasDeletedAt AS timestamptz) "
            + "AND edited_at IS NOT DISTINCT FROM CAST(:wasEditedAt AS timestamptz)")
    int reviseMessage(UUID uuid, UUID group, String message, @Nullable OffsetDateTime editedAt,
                      @Nullable OffsetDateTime deletedAt, String userHandle, String userDisplayName,
                      @Nullable OffsetDateTime wasEditedAt, @Nullable OffsetDateTime wasDeletedAt);

    /** The group's summaries that show the message of this time (its newest) take its text as it is now. */
    @Query("UPDATE message_group_summaries SET last_message = :message "
            + "WHERE message_group_uuid = :group AND last_message_at = :createdAt")
    int reviseSummaries(UUID group, String message, OffsetDateTime createdAt);

    @Query("SELECT m.* FROM client_message_ids c JOIN messages m ON m.uuid = c.message_uuid "
            + "WHERE c.sender_uuid = :sender AND c.client_message_id = :clientId")
    Optional<MessageRecord> findClaimedMessage(UUID sender, String clientId);

    @Query("DELETE FROM client_message_ids WHERE sender_uuid = :sender AND client_message_id = :clientId "
            + "AND message_uuid = :message")
    int releaseClientId(UUID sender, String clientId, UUID message);

    /** Forgets a few expired ids; called with each claim, so the table stays as small as a day of sends. */
    @Query("DELETE FROM client_message_ids WHERE ctid IN "
            + "(SELECT ctid FROM client_message_ids WHERE expires_at < now() LIMIT 100)")
    int forgetExpiredClientIds();

    /** A member's own summary of a group, with their read marker on it; returns rows deleted. */
    @Query("DELETE FROM message_group_summaries WHERE message_group_uuid = :group AND owner_uuid = :owner")
    int deleteSummary(UUID group, UUID owner);

    /** The copy of a member's profile that the other members' summaries of the group show. */
    @Query("UPDATE message_group_summaries SET other_user_handle = :handle, other_user_display_name = :displayName "
            + "WHERE message_group_uuid = :group AND other_user_uuid = :member")
    int reprofileSummaries(UUID group, UUID member, String handle, String displayName);

    /** The copy of a member's profile that the group's row keeps. */
    @Query("UPDATE message_groups SET "
            + "first_user_handle = CASE WHEN first_user_uuid = :member THEN :handle ELSE first_user_handle END, "
            + "first_user_display_name = CASE WHEN first_user_uuid = :member THEN :displayName "
            + "ELSE first_user_display_name END, "
            + "second_user_handle = CASE WHEN second_user_uuid = :member THEN :handle ELSE second_user_handle END, "
            + "second_user_display_name = CASE WHEN second_user_uuid = :member THEN :displayName "
            + "ELSE second_user_display_name END "
            + "WHERE uuid = :group")
    int reprofileGroup(UUID group, UUID member, String handle, String displayName);

    /** Every send id the sender's client named; returns rows deleted. */
    @Query("DELETE FROM client_message_ids WHERE sender_uuid = :sender")
    int deleteClientIds(UUID sender);

    @Query("SELECT count(*) FROM message_group_summaries WHERE message_group_uuid = :group")
    int countSummaries(UUID group);

    @Query("SELECT * FROM messages WHERE message_group_uuid = :group ORDER BY created_at LIMIT 1")
    Optional<MessageRecord> firstMessage(UUID group);

    @Query("SELECT * FROM messages WHERE message_group_uuid = :group ORDER BY created_at DESC LIMIT :limit")
    List<MessageRecord> newestMessages(UUID group, int limit);

    @Query("SELECT * FROM messages WHERE message_group_uuid = :group AND created_at < :before "
            + "ORDER BY created_at DESC LIMIT :limit")
    List<MessageRecord> newestMessagesBefore(UUID group, OffsetDateTime before, int limit);

    @Query(SUMMARIES_WITH_READS
            + "ORDER BY s.last_message_at DESC, s.message_group_uuid DESC LIMIT :limit")
    List<SummaryRecord> newestSummaries(UUID owner, int limit);

    @Query(SUMMARIES_WITH_READS
            + "AND (s.last_message_at, s.message_group_uuid) < (:at, :group) "
            + "ORDER BY s.last_message_at DESC, s.message_group_uuid DESC LIMIT :limit")
    List<SummaryRecord> newestSummariesAfter(UUID owner, OffsetDateTime at, UUID group, int limit);
}
