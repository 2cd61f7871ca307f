/**
 * The conversation store on the original's {@code cruddur-messages} table: the driven side. What reads the table's
 * stream is the stream consumer, an adapter of its own ({@code adapters-stream}), which may not use this one.
 *
 * <p>{@link com.cruddur.messaging.adapter.dynamodb.DynamoDbConversationStore} is the port's face and only hands calls
 * on; {@link com.cruddur.messaging.adapter.dynamodb.DynamoDbSettings} and
 * {@link com.cruddur.messaging.adapter.dynamodb.DynamoDbClients} make the SDK's client. Below it, by role — calls go
 * down, never back up (a room uses the rooms listed below it, the items and the table; an item uses the table's
 * attribute names; the table uses neither):
 * <ul>
 *   <li>{@code rooms} — the store's rooms, each with one reason to change: sends, new pairs' groups, send claims,
 *       the message log, the group directory, read markers, and the summaries the stream moves;</li>
 *   <li>{@code items} — the items of the table as records: messages, summary rows and their tally, pair and
 *       members records, send claims;</li>
 *   <li>{@code table} — every call to the table with its capacity and outages, the attribute names, pages of a
 *       partition, and the table's creation.</li>
 * </ul>
 * DynamoDB Local, for the embedded default and tests, is in the dev-engines module.
 */
package com.cruddur.messaging.adapter.dynamodb;
