/**
 * The conversation store on the original's {@code cruddur-messages} table: the driven side. What reads the table's
 * stream is the stream consumer, an adapter of its own ({@code adapters-stream}), which may not use this one.
 *
 * <p>The rooms, each with one reason to change; {@link com.cruddur.messaging.adapter.dynamodb.DynamoDbConversationStore}
 * is the port's face and only hands calls on. Calls go down, never back up: a room uses the rooms
 * listed below it and {@code TableClient}, never the face.
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
 *       their {@code Tally}, markers; {@code UnreadCounter} counts in the table when the tally cannot);
 *       {@code SummaryRows} the conditional reads and writes of the {@code GRP} rows.</li>
 *   <li>{@code PartitionPages} — one page of a partition newest first (Patterns A and B).</li>
 *   <li>{@code TableClient} — every call to the table, with its capacity and its outages
 *       ({@code DynamoDbFailures}); the items: {@code MessageRow}, {@code GroupRow}, {@code PairRecord},
 *       {@code MembersRecord}, {@code SendClaim}, {@code Attributes}.</li>
 * </ul>
 * {@code MessagesTable} creates and drops the table. DynamoDB Local, for the embedded default and tests, is in the dev-engines module.
 */
package com.cruddur.messaging.adapter.dynamodb;
