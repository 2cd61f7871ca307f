package com.cruddur.messaging.domain.application.port.out;

import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.Profile;
import com.cruddur.messaging.domain.model.UserId;

/**
 * What a conversation store keeps of a member besides the messages they sent, forgotten when their data is erased
 * (their messages become tombstones through {@link ConversationStore#revise}). Each call may be made again — after a
 * crash, or by a second run — and changes nothing more. May throw
 * {@link com.cruddur.messaging.domain.error.StoreUnavailableException}; a call that throws may have done part of its
 * work, which the next call finishes.
 */
public interface Erasures {

    /**
     * In this group: removes the member's own summary and their read marker, and has every other copy of their profile
     * the group keeps (the other members' summaries, the group's record of its members) show {@code erased} instead.
     * The group, its messages and the other members' summaries and markers stay.
     */
    void forgetMember(MessageGroupId group, Profile erased);

    /** Forgets every send id the sender's client named, expired or not; returns how many there were. */
    int forgetClientIds(UserId sender);
}
