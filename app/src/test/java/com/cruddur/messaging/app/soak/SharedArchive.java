package com.cruddur.messaging.app.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The jar's class-data sharing archive for the soak's service processes, only when it matches the jar: the JVM
 * records the jar's size and time in the archive, and a jar built again after it (a test build does not make a
 * new archive) makes every start print "Unable to use shared archive" and load classes the slow way — slower
 * starts, and more restarts that miss their readiness bound. The JVM itself is asked ({@code -Xshare:on} fails
 * when the archive cannot be used with this class path).
 */
record SharedArchive(String javaOption, String note) {
    /** One check per jar and run of the JVM: both soaks of the short soak start clusters of the same jar. */
    private static final Map<Path, SharedArchive> CHECKED = new ConcurrentHashMap<>();

    static SharedArchive forJar(String java, Path jar) {
        return CHECKED.computeIfAbsent(jar, unchecked -> check(java, jar));
    }

    private static SharedArchive check(String java, Path jar) {
        Path archive = jar.resolveSibling("cruddur-messaging.jsa");
        if (!Files.exists(archive)) {
            return new SharedArchive("", "class-data archive: none (" + archive + " does not exist)");
        }
        String option = "-XX:SharedArchiveFile=" + archive;
        try {
            Process probe = new ProcessBuilder(List.of(java, option, "-Xshare:on", "-cp", jar.toString(), "-version"))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!probe.waitFor(60, TimeUnit.SECONDS)) {
                probe.destroyForcibly().waitFor();
                return new SharedArchive("", "class-data archive: not used (the JVM's check of " + archive + " did not end)");
            }
            return probe.exitValue() == 0
                    ? new SharedArchive(option + " ", "class-data archive: used (" + archive + " matches the jar)")
                    : new SharedArchive("", "class-data archive: not used (" + archive + " does not match the jar; "
                            + "the start command's build makes a new one)");
        } catch (IOException e) {
            return new SharedArchive("", "class-data archive: not used (its check failed: " + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SharedArchive("", "class-data archive: not used (interrupted)");
        }
    }
}
