package com.cruddur.messaging.app;

import com.cruddur.messaging.adapter.postgres.users.PostgresUserDirectory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** In the embedded default ({@code cruddur.demo-data=true}): the demo users and their conversation, once the stores are ready. */
@Singleton
@Requires(property = "cruddur.demo-data", value = "true")
class DemoData implements ApplicationEventListener<StartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    private final Optional<PostgresUserDirectory> postgresUsers;
    private final DemoConversation conversation;

    DemoData(Optional<PostgresUserDirectory> postgresUsers, DemoConversation conversation) {
        this.postgresUsers = postgresUsers;
        this.conversation = conversation;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        postgresUsers.ifPresent(users -> LOG.info("demo users: {} added", users.seed(DemoUsers.SEED)));
        DemoConversation.Seeded seeded = conversation.seed();
        LOG.info("demo conversation {} between andrewbrown and bayko{}", seeded.group(),
                seeded.written() ? " written" : " already there");
    }
}
