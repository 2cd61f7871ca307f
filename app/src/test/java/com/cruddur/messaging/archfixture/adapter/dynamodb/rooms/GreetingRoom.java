package com.cruddur.messaging.archfixture.adapter.dynamodb.rooms;

/** A room of the fixture's DynamoDB adapter (what the face hands calls to). */
public class GreetingRoom {
    public String greet() {
        return "hello";
    }
}
