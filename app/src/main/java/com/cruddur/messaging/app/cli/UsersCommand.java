package com.cruddur.messaging.app.cli;

import com.cruddur.messaging.domain.application.port.in.ExportUserDataCommand;
import com.cruddur.messaging.domain.application.port.in.ExportUserDataUseCase;
import com.cruddur.messaging.domain.error.NotFoundException;
import com.cruddur.messaging.domain.model.UserData;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Prototype;
import io.micronaut.json.JsonMapper;
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
        subcommands = {UsersCommand.Export.class})
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
            try (ExportProgress progress = new ExportProgress(spec.commandLine().getErr(), System.console() != null,
                    "export")) {
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

        private UserData.Totals writeExport(ExportUserDataCommand command, Writer writer, ExportProgress progress)
                throws IOException {
            UserData.Totals totals = export.get().export(command, new UserDataLines(json.get(), writer, progress));
            writer.flush();
            return totals;
        }
    }
}
