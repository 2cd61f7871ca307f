package com.cruddur.messaging.app.bench;

import com.cruddur.messaging.app.cli.ErasableUser;
import com.cruddur.messaging.domain.application.port.in.EraseUserDataCommand;
import com.cruddur.messaging.domain.application.port.in.EraseUserDataUseCase;
import com.cruddur.messaging.domain.application.port.in.ErasureReport;
import com.cruddur.messaging.domain.application.port.in.ExportUserDataCommand;
import com.cruddur.messaging.domain.application.port.in.ExportUserDataUseCase;
import com.cruddur.messaging.domain.application.port.out.ConversationStore;
import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.Timestamp;
import com.cruddur.messaging.domain.model.UserData;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * How fast a user's data is exported and erased, on each store (embedded engines in this process): a user with
 * {@code friends} conversations of {@code each} of her messages, exported, then erased; and the floor, in the same run
 * on a second such user — her messages made tombstones by the bare store calls an erasure cannot do without (the
 * revision and the summaries' projection), with no sign-out, no forgetting and no events — measured before and after the
 * erasure, on users made before it, and averaged; all after a warm-up on a smaller user.
 */
final class ErasureRates {
    private final int friends;
    private final int each;

    ErasureRates(int friends, int each) {
        this.friends = friends;
        this.each = each;
    }

    void print() {
        System.out.printf(Locale.ROOT, "## A user's data: export and erasure (%d cores; one user, %d conversations, %d of her"
                + " messages)%n%n", Runtime.getRuntime().availableProcessors(), friends, friends * each);
        System.out.println("| store | exported messages/s | erased messages/s | bare tombstones/s (floor) | erased / floor |");
        System.out.println("|---|---:|---:|---:|---:|");
        StringBuilder line = new StringBuilder("erase:");
        for (String store : List.of("dynamodb", "postgres")) {
            // The JIT warmed on a small user first (the figures are discarded), then all three made before any is
            // measured, and the floor measured before and after the erasure: DynamoDB Local's speed drifts.
            ErasableUser warm = new ErasableUser(store, 2, each);
            exportRate(warm);
            bareRate(new ErasableUser(store, 2, each));
            erasureRate(warm);
            ErasableUser erased = new ErasableUser(store, friends, each);
            ErasableUser floorBefore = new ErasableUser(store, friends, each);
            ErasableUser floorAfter = new ErasableUser(store, friends, each);
            double exported = exportRate(erased);
            double before = bareRate(floorBefore);
            double rate = erasureRate(erased);
            double floor = (before + bareRate(floorAfter)) / 2;
            System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %.2f |%n", store, exported, rate, floor, rate / floor);
            line.append(String.format(Locale.ROOT, " %s_erased_per_second=%.0f %s_vs_floor=%.2f", store, rate, store,
                    rate / floor));
        }
        System.out.println();
        System.out.println(line);
    }

    private double exportRate(ErasableUser user) {
        try (ApplicationContext context = user.context()) {
            long[] messages = {0};
            Instant started = Instant.now();
            context.getBean(ExportUserDataUseCase.class).export(ExportUserDataCommand.of(user.handle()), record -> {
                if (record instanceof UserData.SentMessage) {
                    messages[0]++;
                }
            });
            return perSecond(messages[0], started);
        }
    }

    private double erasureRate(ErasableUser user) {
        try (ApplicationContext context = user.context()) {
            Instant started = Instant.now();
            ErasureReport report = context.getBean(EraseUserDataUseCase.class).erase(
                    EraseUserDataCommand.of(user.handle(), false), (done, total) -> {
                    });
            return perSecond(report.messages(), started);
        }
    }

    private double bareRate(ErasableUser user) {
        try (ApplicationContext context = user.context()) {
            ConversationStore store = context.getBean(ConversationStore.class);
            List<Message> hers = user.messages(store).stream()
                    .filter(message -> message.sender().id().equals(user.id())).toList();
            Instant started = Instant.now();
            for (Message message : hers) {
                Message tombstone = message.deleted(message.nextRevisionAt(new Timestamp(Instant.now())));
                store.revise(message, tombstone);
                store.project(tombstone);
            }
            return perSecond(hers.size(), started);
        }
    }

    private static double perSecond(long count, Instant started) {
        return count / (Duration.between(started, Instant.now()).toNanos() / 1e9);
    }
}
