package com.cruddur.messaging.app.soak;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What Linux's {@code /proc} says of a process, read rather than assumed: whether it is alive, stopped, listening on
 * a port, or carrying a marker. The soak checks each fault's effect and what is left at the end with these; a
 * zombie (dead, not yet reaped by its parent) counts as dead, since it runs nothing and holds no port.
 */
final class Procs {
    private static final Path PROC = Path.of("/proc");

    private Procs() {
    }

    /** The state letter of {@code /proc/<pid>/stat} (R, S, D, T, t, Z, ...), or empty when there is no such process. */
    static Optional<Character> state(long pid) {
        try {
            String stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"));
            // The command name in parentheses may hold spaces and parentheses: the state follows the last ')'.
            int end = stat.lastIndexOf(')');
            return end < 0 || end + 2 >= stat.length() ? Optional.empty() : Optional.of(stat.charAt(end + 2));
        } catch (IOException gone) {
            return Optional.empty();
        }
    }

    static boolean alive(long pid) {
        return state(pid).filter(state -> state != 'Z' && state != 'X' && state != 'x').isPresent();
    }

    /** Stopped by a signal (SIGSTOP): state {@code T}. */
    static boolean stopped(long pid) {
        return state(pid).filter(state -> state == 'T').isPresent();
    }

    /** The process and all its descendants, as far as they are alive now. */
    static List<Long> tree(long pid) {
        List<Long> tree = new ArrayList<>();
        ProcessHandle.of(pid).ifPresent(root -> {
            tree.add(pid);
            root.descendants().map(ProcessHandle::pid).forEach(tree::add);
        });
        return tree;
    }

    /** Whether the process or one of its descendants holds a listening TCP socket on the port. */
    static boolean listens(long pid, int port) {
        Set<String> sockets = listeningSockets(port);
        return !sockets.isEmpty() && tree(pid).stream().anyMatch(member -> holdsAny(member, sockets));
    }

    /** Whether no socket listens on the port. */
    static boolean portFree(int port) {
        return listeningSockets(port).isEmpty();
    }

    /** Live processes other than this one whose command line or environment contains {@code marker}. */
    static List<Long> carrying(String marker) {
        byte[] wanted = marker.getBytes(StandardCharsets.UTF_8);
        long self = ProcessHandle.current().pid();
        List<Long> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path entry : entries) {
                long pid = Long.parseLong(entry.getFileName().toString());
                if (pid != self && alive(pid) && (contains(entry.resolve("cmdline"), wanted) || contains(entry.resolve("environ"), wanted))) {
                    found.add(pid);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc", e);
        }
        return found;
    }

    private static boolean contains(Path file, byte[] wanted) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException | SecurityException goneOrNotOurs) {
            return false;
        }
        outer:
        for (int i = 0; i + wanted.length <= content.length; i++) {
            for (int j = 0; j < wanted.length; j++) {
                if (content[i + j] != wanted[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** The inodes of sockets listening on the port (IPv4 and IPv6), from {@code /proc/net/tcp} and {@code tcp6}. */
    private static Set<String> listeningSockets(int port) {
        Set<String> inodes = new HashSet<>();
        String hexPort = String.format(":%04X", port);
        for (String table : List.of("tcp", "tcp6")) {
            try (Stream<String> lines = Files.lines(PROC.resolve("net").resolve(table))) {
                lines.skip(1).map(String::strip).map(line -> line.split("\\s+"))
                        .filter(fields -> fields.length > 9 && fields[1].endsWith(hexPort) && "0A".equals(fields[3]))
                        .forEach(fields -> inodes.add("socket:[" + fields[9] + "]"));
            } catch (IOException absent) {
                // a kernel without IPv6 has no tcp6 table
            }
        }
        return inodes;
    }

    private static boolean holdsAny(long pid, Set<String> sockets) {
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(PROC.resolve(Long.toString(pid)).resolve("fd"))) {
            for (Path fd : fds) {
                try {
                    if (sockets.contains(Files.readSymbolicLink(fd).toString())) {
                        return true;
                    }
                } catch (IOException closedMeanwhile) {
                    // the descriptor went away while we looked
                }
            }
        } catch (IOException gone) {
            return false;
        }
        return false;
    }
}
