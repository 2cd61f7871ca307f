package com.cruddur.messaging.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.domain.application.port.in.ListMessageGroupsQuery;
import com.cruddur.messaging.domain.application.port.in.ListMessageGroupsUseCase;
import com.cruddur.messaging.domain.application.port.in.SendMessageToHandleCommand;
import com.cruddur.messaging.domain.application.port.in.SendMessageToHandleUseCase;
import com.cruddur.messaging.domain.application.port.in.SentMessage;
import com.cruddur.messaging.domain.application.port.out.ConversationStore;
import com.cruddur.messaging.domain.model.GroupSummary;
import com.cruddur.messaging.domain.model.PageRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@MicronautTest
class ApplicationTest {
    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ConversationStore store;

    @Inject
    SendMessageToHandleUseCase sendMessageToHandle;

    @Inject
    ListMessageGroupsUseCase listMessageGroups;

    @Test
    void answersTheHealthEndpoint() {
        HttpResponse<String> response = http.toBlocking().exchange("/health", String.class);

        assertThat(response.code()).isEqualTo(HttpStatus.OK.getCode());
        String body = response.body();
        assertThat(body).contains("\"status\":\"UP\"");
    }

    @Test
    void theMemoryStoreIsSelectedByDefault() {
        assertThat(store.getClass().getSimpleName()).isEqualTo("InMemoryConversationStore");
    }

    @Test
    void theWiredUseCasesWorkOnTheDemoUsers() {
        var andrew = DemoUsers.ANDREW.cognitoUserId().orElseThrow();
        SentMessage sent = sendMessageToHandle.sendToHandle(SendMessageToHandleCommand.of(andrew, "londo", "hello"));

        var groups = listMessageGroups.listMessageGroups(new ListMessageGroupsQuery(andrew, PageRequest.firstPage()));

        assertThat(groups.items()).extracting(GroupSummary::groupId).contains(sent.message().groupId());
    }
}
