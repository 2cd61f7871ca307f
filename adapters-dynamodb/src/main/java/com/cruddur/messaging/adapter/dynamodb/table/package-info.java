/**
 * The table itself: {@code TableClient} makes every call to it, counting its capacity ({@code CapacityLog}) and
 * mapping its outages to the domain's error ({@code DynamoDbFailures}); {@code Attributes} names the attributes;
 * {@code PartitionPages} reads one page of a partition newest first (Patterns A and B); {@code MessagesTable} creates
 * and drops the table with its index and time to live.
 */
package com.cruddur.messaging.adapter.dynamodb.table;
