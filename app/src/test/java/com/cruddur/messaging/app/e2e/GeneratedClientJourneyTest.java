package com.cruddur.messaging.app.e2e;

import static com.cruddur.messaging.app.e2e.Service.tokenOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cruddur.messaging.adapter.http.SseConnection;
import com.cruddur.messaging.app.DemoUsers;
import com.cruddur.messaging.client.ApiClient;
import com.cruddur.messaging.client.ApiException;
import com.cruddur.messaging.client.api.ConversationsApi;
import com.cruddur.messaging.client.api.EventsApi;
import com.cruddur.messaging.client.api.MessagesApi;
import com.cruddur.messaging.client.api.UsersApi;
import com.cruddur.messaging.client.model.EventTicket;
import com.cruddur.messaging.client.model.Message;
import com.cruddur.messaging.client.model.MessageGroup;
import com.cruddur.messaging.client.model.SendMessageRequest;
import com.cruddur.messaging.client.model.SentMessage;
import com.cruddur.messaging.client.model.ShortProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A consumer's journey through a Java client generated from the API document (openapi-generator, the
 * {@code native} library; app/pom.xml) and nothing else: look a user up, send by handle, read the
 * conversation on the other side, mark it read, and get a ticket for the event stream. The stream itself is
 * read with a plain server-sent-events client: the generator turns {@code text/event-stream} into a method
 * that waits for the whole body, which an open stream never ends.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedClientJourneyTest {
    private Service service;

    @BeforeAll
    void start() {
        service = Service.start("postgres", Map.of());
    }

    @AfterAll
    void stop() {
        service.close();
    }

    @Test
    void aGeneratedClientTalksToTheServiceThroughTheDocumentAlone() throws Exception {
        ApiClient andrew = client(tokenOf(DemoUsers.ANDREW));
        ApiClient londo = client(tokenOf(DemoUsers.LONDO));
        String text = "From a generated client " + System.nanoTime();

        ShortProfile profile = new UsersApi(client(null)).getShortProfile("LONDO");
        EventTicket ticket = new EventsApi(andrew).issueEventTicket();
        try (SseConnection andrewsEvents = SseConnection.open(service.http().base(), "/api/events?ticket=" + ticket.getTicket(),
                Map.of())) {
            SentMessage sent = new MessagesApi(andrew).sendMessage(new SendMessageRequest().message(text).handle("londo")
                    .clientMessageId("generated-" + System.nanoTime()));
            List<MessageGroup> londosGroups = new ConversationsApi(londo).listMessageGroups(null, null);
            List<Message> conversation = new MessagesApi(londo).listMessages(sent.getMessageGroupUuid().toString(), 20, null);
            new ConversationsApi(londo).markGroupRead(sent.getMessageGroupUuid().toString(), null);
            List<MessageGroup> afterReading = new ConversationsApi(londo).listMessageGroups(null, null);

            assertThat(profile.getHandle()).isEqualTo("londo");
            assertThat(ticket.getExpiresIn()).isPositive();
            assertThat(sent.getHandle()).isEqualTo("andrewbrown");
            assertThat(sent.getMessage()).isEqualTo(text);
            assertThat(londosGroups).filteredOn(group -> group.getUuid().equals(sent.getMessageGroupUuid())).singleElement()
                    .satisfies(group -> {
                        assertThat(group.getHandle()).isEqualTo("andrewbrown");
                        assertThat(group.getMessage()).isEqualTo(text);
                        assertThat(group.getUnreadCount()).isPositive();
                    });
            assertThat(conversation).last().satisfies(message -> {
                assertThat(message.getUuid()).isEqualTo(sent.getUuid());
                assertThat(message.getCreatedAt()).isEqualTo(sent.getCreatedAt());
            });
            assertThat(afterReading).filteredOn(group -> group.getUuid().equals(sent.getMessageGroupUuid())).singleElement()
                    .satisfies(group -> assertThat(group.getUnreadCount()).isZero());
            assertThat(andrewsEvents.status()).isEqualTo(200);
            assertThat(andrewsEvents.await(events -> events.stream().anyMatch(event -> "message".equals(event.name())
                    && event.data().contains(sent.getUuid().toString())), Duration.ofSeconds(10))).isTrue();
        }
    }

    @Test
    void itsErrorsCarryTheDocumentedStatusAndCodes() {
        ApiClient andrew = client(tokenOf(DemoUsers.ANDREW));

        assertThatThrownBy(() -> new MessagesApi(andrew).sendMessage(new SendMessageRequest().message("hi").handle("nobody")))
                .isInstanceOfSatisfying(ApiException.class, refused -> {
                    assertThat(refused.getCode()).isEqualTo(404);
                    assertThat(refused.getResponseBody()).isEqualTo("[\"user_not_found\"]");
                });
        assertThatThrownBy(() -> new MessagesApi(andrew).listMessages(UUID.randomUUID().toString(), 500, null))
                .isInstanceOfSatisfying(ApiException.class, refused -> {
                    assertThat(refused.getCode()).isEqualTo(422);
                    assertThat(refused.getResponseBody()).isEqualTo("[\"limit_invalid\"]");
                });
        assertThatThrownBy(() -> new ConversationsApi(client(null)).listMessageGroups(null, null))
                .isInstanceOfSatisfying(ApiException.class, refused -> assertThat(refused.getCode()).isEqualTo(401));
    }

    /** The generated client on the service's address, sending the bearer token when there is one. */
    private ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(service.http().base().toString().replaceAll("/$", ""));
        if (token != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        }
        return client;
    }
}
