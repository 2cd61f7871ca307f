package com.cruddur.messaging.app.e2e;

import static com.cruddur.messaging.app.e2e.Service.tokenOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.app.DemoUsers;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * DynamoDB (and its stream) behind a network that goes silent: a request that needs the table is answered 503 within
 * the SDK's attempt and call timeouts, never left waiting; once the network carries again, requests are served and
 * the in-process stream poller moves the summaries again, without a restart.
 */
@Tag("long") // CI runs it; the README's test command leaves it out (README, Tests)
class SilentDynamoDbTest {

    @Test
    void aSilentTableGets503sAndAllFlowsAgainOnceItAnswers() throws Exception {
        URI direct = EngineProvider.ENGINES.dynamoDbEndpoint();
        try (SilentProxy proxy = new SilentProxy(direct.getPort());
             Service service = Service.start("dynamodb", Map.of(
                     "aws.services.dynamodb.endpoint-override", "http://127.0.0.1:" + proxy.port(),
                     "cruddur.dynamodb.table", "silent-" + System.nanoTime()))) {
            String andrew = tokenOf(DemoUsers.ANDREW);
            assertThat(service.http().get("/api/message_groups", andrew).statusCode()).isEqualTo(200);

            proxy.silence();
            HttpResponse<String> duringSilence = service.http().get("/api/message_groups", andrew);
            proxy.heal();

            assertThat(duringSilence.statusCode()).as(duringSilence.body()).isEqualTo(503);
            String tag = "after the silence " + System.nanoTime();
            assertThat(service.http().post("/api/messages", andrew,
                    "{\"message\":\"" + tag + "\",\"handle\":\"londo\"}").statusCode()).isEqualTo(200);
            service.http().await("/api/message_groups", andrew, body -> body.contains(tag));
        }
    }
}
