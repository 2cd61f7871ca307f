package com.cruddur.messaging.adapter.postgres.users;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The SQL of the user directory; every value is a bind parameter. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface UserRows extends GenericRepository<UserRow, UUID> {

    Optional<UserRow> findById(UUID uuid);

    /** Served by the unique index on {@code lower(handle)}. */
    @Query("SELECT * FROM users WHERE lower(handle) = lower(:handle)")
    Optional<UserRow> findByHandleIgnoringCase(String handle);

    Optional<UserRow> findByCognitoUserId(String cognitoUserId);

    @Query("SELECT * FROM users ORDER BY handle")
    List<UserRow> findAllByHandle();

    /** Inserts the user unless the id, handle (any case) or cognito id is taken; returns rows inserted. */
    @Query("INSERT INTO users (uuid, display_name, handle, email, cognito_user_id) "
            + "VALUES (:uuid, :displayName, :handle, :email, :cognitoUserId) ON CONFLICT DO NOTHING")
    int insertIfAbsent(UUID uuid, String displayName, String handle, String email, @Nullable String cognitoUserId);

    /** The original's update_cognito_user_ids, for one handle; returns rows updated. */
    @Query("UPDATE users SET cognito_user_id = :cognitoUserId WHERE lower(handle) = lower(:handle)")
    int updateCognitoUserId(String handle, String cognitoUserId);

    /** Returns rows updated. */
    @Query("UPDATE users SET cognito_user_id = NULL WHERE uuid = :uuid")
    int clearCognitoUserId(UUID uuid);

    /** An erased account: its profile replaced, its e-mail address forgotten, no Cognito id; returns rows updated. */
    @Query("UPDATE users SET handle = :handle, display_name = :displayName, email = '', cognito_user_id = NULL "
            + "WHERE uuid = :uuid")
    int replaceWithErased(UUID uuid, String handle, String displayName);

    /** Blocks live next to the users; returns rows inserted (0: already blocked). */
    @Query("INSERT INTO blocks (blocker_uuid, blocked_uuid) VALUES (:blocker, :blocked) ON CONFLICT DO NOTHING")
    int insertBlock(UUID blocker, UUID blocked);

    /** Returns rows deleted (0: there was no block). */
    @Query("DELETE FROM blocks WHERE blocker_uuid = :blocker AND blocked_uuid = :blocked")
    int deleteBlock(UUID blocker, UUID blocked);

    /** Whom the user blocks, the latest first. */
    @Query("SELECT blocked_uuid FROM blocks WHERE blocker_uuid = :blocker ORDER BY created_at DESC, blocked_uuid")
    List<UUID> findBlockedBy(UUID blocker);
}
