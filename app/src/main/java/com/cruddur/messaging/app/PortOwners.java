package com.cruddur.messaging.app;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Who listens on a local TCP port: read from the kernel's socket tables ({@code /proc/net/tcp*}) and
 * the processes' file descriptors, so that a start can name what holds a port it needs.
 */
final class PortOwners {
    private PortOwners() {
    }

    /** Whether something accepts connections on the loopback port. */
    static boolean taken(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException free) {
            return false;
        }
    }

    /** The process listening on the port, if this user may see it. */
    static Optional<ProcessHandle> listenerOf(int port) {
        Optional<String> inode = listeners(port).stream().map(Listener::inode).findFirst();
        if (inode.isEmpty()) {
            return Optional.empty();
        }
        String socket = "socket:[" + inode.get() + "]";
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(dir -> dir.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(dir -> holds(dir.resolve("fd"), socket))
                    .findFirst()
                    .flatMap(dir -> ProcessHandle.of(Long.parseLong(dir.getFileName().toString())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** "pid 123 (command line)", or a plain note when the owner cannot be seen. */
    static String describe(int port) {
        return listenerOf(port).map(process -> "pid " + process.pid() + " ("
                        + process.info().commandLine().orElse(process.info().command().orElse("?")) + ")")
                .orElse("a process this user cannot see");
    }

    /** A listening socket as the kernel lists it: the local address in its hex form, and the socket's inode. */
    record Listener(String address, String inode) {
        /** IPv4 is little-endian hex (127.x.x.x ends in 7F); IPv6 is ::1 or an IPv4-mapped 127.x.x.x. */
        boolean isLoopback() {
            if (address.length() == 8) {
                return address.endsWith("7F");
            }
            return address.equals("00000000000000000000000001000000")
                    || (address.startsWith("0000000000000000FFFF0000") && address.endsWith("7F"));
        }
    }

    /** Every socket listening on the local port, IPv4 and IPv6 ({@code /proc/net/tcp*}). */
    static List<Listener> listeners(int port) {
        List<Listener> found = new ArrayList<>();
        String suffix = String.format(":%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] fields = line.trim().split("\\s+");
                    if (fields.length > 9 && "0A".equals(fields[3]) && fields[1].endsWith(suffix)) {
                        found.add(new Listener(fields[1].substring(0, fields[1].indexOf(':')), fields[9]));
                    }
                }
            } catch (IOException | RuntimeException unreadable) {
                // not Linux, or not readable: the caller says less
            }
        }
        return found;
    }

    private static boolean holds(Path descriptors, String socket) {
        try (Stream<Path> fds = Files.list(descriptors)) {
            return fds.anyMatch(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().equals(socket);
                } catch (IOException | UnsupportedOperationException gone) {
                    return false;
                }
            });
        } catch (IOException | SecurityException notOurs) {
            return false;
        }
    }
}
