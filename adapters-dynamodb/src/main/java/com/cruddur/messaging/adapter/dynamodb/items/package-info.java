/**
 * The items of {@code cruddur-messages} as records, each reading and writing its own attributes: {@code MessageRow}
 * (a message in its group's {@code MSG#} partition), {@code GroupRow} (a member's {@code GRP#} summary row) with its
 * {@code Tally} (the unread count it carries), {@code PairRecord} (a pair's one group), {@code MembersRecord} (a
 * group's members and their read markers) and {@code SendClaim} (a client's send id, with its expiry).
 */
package com.cruddur.messaging.adapter.dynamodb.items;
