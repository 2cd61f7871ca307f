package com.cruddur.messaging.adapter.http.json;

import com.cruddur.messaging.domain.model.MessageGroupDetails;
import com.cruddur.messaging.domain.model.Timestamp;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The answer to {@code GET /api/message_groups/{uuid}}: the conversation, its members and each one's read marker.
 * Every conversation is a direct one between two members today: {@code kind} is {@code "direct"}, it has no
 * {@code name}, and neither member has more rights than the other ({@code role} {@code "member"}).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MessageGroupDetailsJson(
        String uuid,
        String kind,
        @Nullable String name,
        @JsonProperty("created_at") @Nullable String createdAt,
        List<Member> members) {

    /** A member as the details list them. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Member(
            String uuid,
            String handle,
            @JsonProperty("display_name") String displayName,
            String role,
            @JsonProperty("last_read_at") @Nullable String lastReadAt) {
    }

    public static MessageGroupDetailsJson of(MessageGroupDetails details) {
        return new MessageGroupDetailsJson(details.group().id().toString(), MessageGroupJson.DIRECT, null,
                details.createdAt().map(Timestamp::format).orElse(null),
                details.members().stream().map(member -> new Member(member.profile().id().toString(),
                        member.profile().handle().value(), member.profile().displayName(), "member",
                        member.lastReadAt().map(Timestamp::format).orElse(null))).toList());
    }
}
