/**
 * The store's rooms, each with one reason to change. A room uses the rooms listed below it, the items and the table;
 * never the store's face.
 * <ul>
 *   <li>{@code Sends} — a send's path: a new pair's group or a message into an existing group, under its
 *       claim when the client named the send.</li>
 *   <li>{@code NewGroups} — Pattern C: five ordered conditional puts (members, pair, first message, both
 *       summaries) and why every interrupted state is safe.</li>
 *   <li>{@code SendClaims} — idempotency: claim a client's id, move a claim, release it.</li>
 *   <li>{@code MessageLog} — the {@code MSG#} partition: Pattern D's append with its clock, Pattern A's
 *       pages, the newest message, a message by id.</li>
 *   <li>{@code GroupDirectory} — a group's members and a pair's group, with the original's groups found
 *       through their summaries (and given our records), remembered in {@code GroupFacts}.</li>
 *   <li>{@code ReadMarkerRecords} — both members' read markers on the members record.</li>
 *   <li>{@code SummaryMover} — the stream's write: each member's summary moved forward, the older rows
 *       removed, a missing summary completed; {@code SummaryCounts} its read state (unread counts with
 *       their tally, markers; {@code UnreadCounter} counts in the table when the tally cannot);
 *       {@code SummaryRows} the conditional reads and writes of the {@code GRP} rows.</li>
 * </ul>
 */
package com.cruddur.messaging.adapter.dynamodb.rooms;
