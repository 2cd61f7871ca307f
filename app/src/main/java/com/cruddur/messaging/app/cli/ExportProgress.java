package com.cruddur.messaging.app.cli;

import java.io.PrintWriter;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * How far a long command on a user's data is, on standard error: on a terminal a progress bar (conversations done of
 * all, the messages so far, the rate and the time left); otherwise — a log, a pipe — a line at every tenth.
 */
final class ExportProgress implements AutoCloseable {
    private final PrintWriter err;
    private final boolean terminal;
    private final String task;
    private ProgressBar bar;
    private int tenthsTold;

    /** {@code err} takes the lines when not on a terminal; the bar draws on the terminal's standard error. */
    ExportProgress(PrintWriter err, boolean terminal, String task) {
        this.err = err;
        this.terminal = terminal;
        this.task = task;
    }

    /** After each conversation: how many are done, of how many, and the messages so far. */
    void progress(int conversationsDone, int conversations, long messagesWritten) {
        if (terminal) {
            if (bar == null) {
                bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(conversations).setUnit(" conversations", 1)
                        .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
            }
            bar.stepTo(conversationsDone);
            bar.setExtraMessage(messagesWritten + " messages");
            return;
        }
        int tenths = conversations == 0 ? 10 : conversationsDone * 10 / conversations;
        if (tenths > tenthsTold) {
            tenthsTold = tenths;
            err.printf("%s: %d%% (%d of %d conversations, %d messages)%n", task, tenths * 10, conversationsDone,
                    conversations, messagesWritten);
            err.flush();
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
