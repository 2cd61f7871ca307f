package com.cruddur.messaging.app.cli;

import java.io.PrintWriter;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * How far a long command on a user's data is, on standard error: on a terminal a progress bar (done of all, what else
 * is worth saying, the rate and the time left); otherwise — a log, a pipe — a line at every tenth, e.g.
 * {@code export: 50% (1 of 2 conversations, 120 messages)}.
 */
final class UserDataProgress implements AutoCloseable {
    private final PrintWriter err;
    private final boolean terminal;
    private final String task;
    private final String unit;
    private ProgressBar bar;
    private long tenthsTold;

    /** {@code err} takes the lines when not on a terminal; the bar draws on the terminal's standard error. */
    UserDataProgress(PrintWriter err, boolean terminal, String task, String unit) {
        this.err = err;
        this.terminal = terminal;
        this.task = task;
        this.unit = unit;
    }

    /** {@code done} of {@code total} {@code unit}s, and {@code besides} (may be empty) after them. */
    void progress(long done, long total, String besides) {
        if (terminal) {
            if (bar == null) {
                bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setUnit(" " + unit, 1)
                        .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
            }
            bar.maxHint(total);
            bar.stepTo(done);
            bar.setExtraMessage(besides);
            return;
        }
        long tenths = total == 0 ? 10 : done * 10 / total;
        if (tenths > tenthsTold) {
            tenthsTold = tenths;
            err.printf("%s: %d%% (%d of %d %s%s)%n", task, tenths * 10, done, total, unit,
                    besides.isEmpty() ? "" : ", " + besides);
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
