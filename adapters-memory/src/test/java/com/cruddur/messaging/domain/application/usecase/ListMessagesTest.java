package com.cruddur.messaging.domain.application.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cruddur.messaging.domain.application.port.in.ListMessagesQuery;
import com.cruddur.messaging.domain.error.NotFoundException;
import com.cruddur.messaging.domain.error.UnregisteredCallerException;
import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.Page;
import com.cruddur.messaging.domain.model.PageRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ListMessagesTest {
    private final World world = new World();

    @Test
    void pagesFortyFiveMessagesAsTwentyTwentyFiveWithNoGapOrRepeat() {
        MessageGroupId group = conversationOf(45);

        Page<Message> latest = world.messages(world.bayko, group, PageRequest.first(20));
        Page<Message> middle = world.messages(world.bayko, group, PageRequest.first(20).after(latest.next().orElseThrow()));
        Page<Message> oldest = world.messages(world.bayko, group, PageRequest.first(20).after(middle.next().orElseThrow()));

        assertThat(latest.items()).hasSize(20);
        assertThat(middle.items()).hasSize(20);
        assertThat(oldest.items()).hasSize(5);
        assertThat(oldest.next()).isEmpty();
        List<String> all = new ArrayList<>();
        List.of(oldest, middle, latest).forEach(page -> page.items().forEach(m -> all.add(m.text())));
        assertThat(all).containsExactlyElementsOf(numbered(45));
        assertThat(latest.items()).extracting(Message::createdAt).isSorted();
    }

    @Test
    void theDefaultPageIsTheLatestTwentyOldestFirst() {
        MessageGroupId group = conversationOf(25);

        Page<Message> page = world.messages(world.andrew, group, PageRequest.firstPage());

        assertThat(page.items()).extracting(Message::text).containsExactlyElementsOf(numbered(25).subList(5, 25));
        assertThat(page.next()).isPresent();
    }

    @Test
    void aNonMemberCannotReadTheConversation() {
        MessageGroupId group = conversationOf(3);

        assertThatThrownBy(() -> world.messages(world.londo, group, PageRequest.firstPage()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void anUnknownOrMalformedGroupIsNotFound() {
        assertThatThrownBy(() -> world.messages(world.andrew, new MessageGroupId(UUID.randomUUID()),
                PageRequest.firstPage())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> ListMessagesQuery.of(World.caller(world.andrew), "../etc/passwd",
                PageRequest.firstPage())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void anUnregisteredCallerCannotRead() {
        MessageGroupId group = conversationOf(1);

        assertThatThrownBy(() -> world.listMessages.listMessages(
                new ListMessagesQuery(world.stranger, group, PageRequest.firstPage())))
                .isInstanceOf(UnregisteredCallerException.class);
    }

    private MessageGroupId conversationOf(int count) {
        MessageGroupId group = world.sendToHandle(world.andrew, "bayko", "message 0").message().groupId();
        for (int i = 1; i < count; i++) {
            world.clock.advance(Duration.ofSeconds(1));
            world.sendToGroup(i % 2 == 0 ? world.andrew : world.bayko, group, "message " + i);
        }
        return group;
    }

    private static List<String> numbered(int count) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            texts.add("message " + i);
        }
        return texts;
    }
}
