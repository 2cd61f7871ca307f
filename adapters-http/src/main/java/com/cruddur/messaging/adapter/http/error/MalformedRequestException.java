package com.cruddur.messaging.adapter.http.error;

import java.util.List;

/** The request is not the JSON the route takes (wrong shape or types): a 400 naming what is wrong. */
public final class MalformedRequestException extends RuntimeException {
    private final List<String> codes;

    public MalformedRequestException(String... codes) {
        super("malformed request: " + List.of(codes));
        this.codes = List.of(codes);
    }

    public List<String> codes() {
        return codes;
    }
}
