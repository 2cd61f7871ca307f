package com.cruddur.messaging.archfixture.adapter.dynamodb.table;

import com.cruddur.messaging.archfixture.adapter.dynamodb.rooms.GreetingRoom;

/** Deliberate violation: the table layer calling back up into a room. */
public class LeakyTable {
    public String read(GreetingRoom room) {
        return room.greet();
    }
}
