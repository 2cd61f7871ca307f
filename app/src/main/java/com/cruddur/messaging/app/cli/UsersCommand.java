package com.cruddur.messaging.app.cli;

import com.cruddur.messaging.adapter.http.management.UserDataLines;
import com.cruddur.messaging.domain.application.port.in.EraseUserDataCommand;
import com.cruddur.messaging.domain.application.port.in.EraseUserDataUseCase;
import com.cruddur.messaging.domain.application.port.in.ErasureProgress;
import com.cruddur.messaging.domain.application.port.in.ErasureReport;
import com.cruddur.messaging.domain.application.port.in.ExportUserDataCommand;
import com.cruddur.messaging.domain.application.port.in.ExportUserDataUseCase;
import com.cruddur.messaging.domain.error.NotFoundException;
import com.cruddur.messaging.domain.model.Handle;
import com.cruddur.messaging.domain.model.User;
import com.cruddur.messaging.domain.model.UserData;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Prototype;
import io.micronaut.json.JsonMapper;
import java.io.Console;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** A user's data on request: everything the service holds about them (docs/user-data.md). */
@Prototype
@Command(name = "users", mixinStandardHelpOptions = true, description = "A user's data, on the user's request.",
        subcommands = {UsersCommand.Export.class, UsersCommand.Erase.class})
class UsersCommand {

    @Prototype
    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write everything the service holds about a user as JSON Lines: account, conversations with"
                    + " read markers, every message they sent, blocks, totals (format: docs/user-data.md).")
    static class Export extends Subcommand {
        private final BeanProvider<ExportUserDataUseCase> export;
        private final BeanProvider<JsonMapper> json;
        @Parameters(paramLabel = "@HANDLE", description = "whose data")
        String handle;
        @Option(names = "--output", paramLabel = "FILE", description = "write to this file instead of standard output")
        Path output;

        Export(BeanProvider<ExportUserDataUseCase> export, BeanProvider<JsonMapper> json) {
            this.export = export;
            this.json = json;
        }

        /**
         * To a file, the export is written beside it and moved into place when whole: a file of that name is always a
         * complete export (its last line the totals); a failed export leaves neither.
         */
        @Override
        public Integer call() {
            try (UserDataProgress progress = new UserDataProgress(spec.commandLine().getErr(), System.console() != null,
                    "export", "conversations")) {
                ExportUserDataCommand command = ExportUserDataCommand.of(handle);
                if (output == null) {
                    writeExport(command, out(), progress);
                    return 0;
                }
                Path partial = output.resolveSibling(output.getFileName() + ".partial");
                UserData.Totals totals;
                try (Writer file = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                    totals = writeExport(command, file, progress);
                } catch (IOException | RuntimeException failed) {
                    Files.deleteIfExists(partial); // nothing half-written is left behind
                    throw failed;
                }
                Files.move(partial, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                out().printf("exported %s to %s: %d conversations, %d messages, %d blocks%n", handle, output,
                        totals.conversations(), totals.messages(), totals.blocks());
                return 0;
            } catch (NotFoundException unknown) {
                throw new CommandException(CommandFailures.USAGE, "no user with handle " + handle);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + output, e);
            }
        }

        private UserData.Totals writeExport(ExportUserDataCommand command, Writer writer, UserDataProgress progress)
                throws IOException {
            UserData.Totals totals = export.get().export(command, new UserDataLines(json.get(), writer,
                    (done, of, messages) -> progress.progress(done, of, messages + " messages")));
            writer.flush();
            return totals;
        }
    }

    @Prototype
    @Command(name = "erase", mixinStandardHelpOptions = true,
            description = "Erase everything the service holds about a user, on their request: every message they sent"
                    + " becomes a tombstone, their summaries, read markers, blocks and send ids go, their account stays as"
                    + " 'deleted user'. Asks on a terminal; resumable: run it again after a failure (docs/user-data.md).")
    static class Erase extends Subcommand {
        private final BeanProvider<EraseUserDataUseCase> erase;
        @Parameters(paramLabel = "@HANDLE", description = "whose data")
        String handle;
        @Option(names = "--yes", description = "do not ask (scripts); without a terminal it is required")
        boolean yes;
        @Option(names = "--dry-run", description = "say what would be erased, and change nothing")
        boolean dryRun;

        Erase(BeanProvider<EraseUserDataUseCase> erase) {
            this.erase = erase;
        }

        @Override
        public Integer call() {
            try {
                if (dryRun) {
                    ErasureReport plan = plan();
                    out().printf("would erase %s: %d conversations, %d messages made tombstones, %d blocks; the account"
                                    + " would become @%s; nothing changed%n", handle, plan.conversations(), plan.messages(),
                            plan.blocks(), plan.erasedHandle());
                    return 0;
                }
                if (!yes && !confirmed()) {
                    out().println("nothing erased");
                    return CommandFailures.FAILED;
                }
                ErasureReport done;
                try (UserDataProgress progress = new UserDataProgress(spec.commandLine().getErr(), System.console() != null,
                        "erase", "messages")) {
                    done = erase.get().erase(EraseUserDataCommand.of(handle, false),
                            (erased, total) -> progress.progress(erased, total, ""));
                }
                out().printf("erased %s: %d conversations, %d messages made tombstones, %d blocks, %d send ids, %d stored"
                                + " events; the account is now @%s (\"%s\")%n", handle, done.conversations(), done.messages(),
                        done.blocks(), done.clientIds(), done.storedEvents(), done.erasedHandle(), User.ERASED_DISPLAY_NAME);
                return 0;
            } catch (NotFoundException unknown) {
                throw new CommandException(CommandFailures.USAGE, "no user with handle " + handle
                        + " (an account already erased answers to the handle the erasure printed)");
            }
        }

        private ErasureReport plan() {
            return erase.get().erase(EraseUserDataCommand.of(handle, true), ErasureProgress.UNTOLD);
        }

        /** On a terminal only: the operator types the handle again after seeing what will go. */
        private boolean confirmed() {
            Console console = System.console();
            if (console == null) {
                throw new CommandException(CommandFailures.USAGE,
                        "erasing cannot be undone: run it on a terminal to confirm, or add --yes");
            }
            ErasureReport plan = plan();
            String answer = console.readLine("Erase everything of %s: %d conversations, %d messages, %d blocks? It cannot"
                    + " be undone. Type the handle again to confirm: ", handle, plan.conversations(), plan.messages(),
                    plan.blocks());
            String typed = answer == null ? "" : answer.strip().replaceFirst("^@", "");
            return !typed.isEmpty() && new Handle(typed).sameAs(EraseUserDataCommand.of(handle, true).handle());
        }
    }
}
