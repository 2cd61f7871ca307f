package com.cruddur.messaging.adapter.dynamodb.table;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cruddur.messaging.domain.error.OverloadedException;
import com.cruddur.messaging.domain.error.StoreUnavailableException;
import com.cruddur.messaging.support.StoreReachability;
import java.net.ConnectException;
import org.apache.http.conn.ConnectionPoolTimeoutException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

/** Our own connection pool running dry is overload; DynamoDB not answering is an outage. */
class DynamoDbFailuresTest {
    private final DynamoDbFailures failures = new DynamoDbFailures(new StoreReachability("DynamoDB", "http://127.0.0.1:8000"));

    @Test
    void noFreeConnectionInOurOwnPoolIsOverloadNotAnOutage() {
        SdkClientException poolDry = SdkClientException.create("Unable to execute HTTP request",
                new ConnectionPoolTimeoutException("Timeout waiting for connection from pool"));

        assertThatThrownBy(() -> failures.guard(() -> {
            throw poolDry;
        })).isInstanceOf(OverloadedException.class).hasCause(poolDry);
    }

    @Test
    void aRefusedConnectionIsAnOutage() {
        SdkClientException refused = SdkClientException.create("Unable to execute HTTP request",
                new ConnectException("Connection refused"));

        assertThatThrownBy(() -> failures.guard(() -> {
            throw refused;
        })).isInstanceOf(StoreUnavailableException.class).hasCause(refused);
    }
}
