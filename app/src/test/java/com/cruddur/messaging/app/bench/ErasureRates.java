package com.cruddur.messaging.app.bench;

import com.cruddur.messaging.app.cli.ErasableUser;
import com.cruddur.messaging.domain.application.port.in.EraseUserDataCommand;
import com.cruddur.messaging.domain.application.port.in.EraseUserDataUseCase;
import com.cruddur.messaging.domain.application.port.in.ErasureReport;
import com.cruddur.messaging.domain.application.port.in.ExportUserDataCommand;
import com.cruddur.messaging.domain.application.port.in.ExportUserDataUseCase;
import com.cruddur.messaging.domain.model.UserData;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * How fast a user's data is exported and erased, on each store (the embedded engines, in this process): a user with
 * {@code conversations} conversations of {@code each} of her messages (and one reply after every ten), exported, then
 * erased as {@code users erase} does it — after the same on a smaller user, to warm the JIT.
 */
final class ErasureRates {
    private final int conversations;
    private final int each;

    ErasureRates(int conversations, int each) {
        this.conversations = conversations;
        this.each = each;
    }

    void print() {
        System.out.printf(Locale.ROOT, "## A user's data: export and erasure (%d cores; one user, %d conversations, %d of her"
                + " messages)%n%n", Runtime.getRuntime().availableProcessors(), conversations, conversations * each);
        System.out.println("| store | exported messages/s | erased messages/s | erasure of the whole user |");
        System.out.println("|---|---:|---:|---:|");
        StringBuilder line = new StringBuilder("erase:");
        for (String store : List.of("dynamodb", "postgres")) {
            ErasableUser warm = new ErasableUser(store, 2, each);
            exportRate(warm);
            erasureTime(warm);
            ErasableUser user = new ErasableUser(store, conversations, each);
            double exported = exportRate(user);
            Duration erasure = erasureTime(user);
            double erased = conversations * each / (erasure.toNanos() / 1e9);
            System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f | %.1f s |%n", store, exported, erased,
                    erasure.toMillis() / 1000.0);
            line.append(String.format(Locale.ROOT, " %s_erased_per_second=%.0f", store, erased));
        }
        System.out.println();
        System.out.println(line);
    }

    private static double exportRate(ErasableUser user) {
        try (ApplicationContext context = user.context()) {
            long[] messages = {0};
            Instant started = Instant.now();
            context.getBean(ExportUserDataUseCase.class).export(ExportUserDataCommand.of(user.handle()), record -> {
                if (record instanceof UserData.SentMessage) {
                    messages[0]++;
                }
            });
            return messages[0] / (Duration.between(started, Instant.now()).toNanos() / 1e9);
        }
    }

    private Duration erasureTime(ErasableUser user) {
        try (ApplicationContext context = user.context()) {
            Instant started = Instant.now();
            ErasureReport report = context.getBean(EraseUserDataUseCase.class).erase(
                    EraseUserDataCommand.of(user.handle(), false), (done, total) -> {
                    });
            Duration took = Duration.between(started, Instant.now());
            if (report.messages() != (long) each * report.conversations()) {
                throw new IllegalStateException("erased " + report.messages() + " messages, not all of hers");
            }
            return took;
        }
    }
}
