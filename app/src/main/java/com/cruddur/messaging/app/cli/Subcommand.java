package com.cruddur.messaging.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every command that does something shares: picocli hands it its own spec, through which it prints
 * (to the writer the command line was given, so tests read it), and its exit status is what it returns.
 */
@Command // picocli's processor asks for it on a class with a @Spec; each subclass's own @Command names it
abstract class Subcommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Where the command's result goes: standard output, or the writer a test gave the command line. */
    final PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
