package com.cruddur.messaging.app.soak;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A stand-in for a soak process in the harness's own test: {@code <port> <file>} listens on the loopback port and,
 * on its first start (the file does not exist yet: it makes it), never says "ready" — a start that ignores
 * readiness; on every later start it says "ready" at once. Then it waits until it is killed.
 */
public final class StandInProcess {
    private StandInProcess() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path silentOnce = Path.of(args[1]);
        try (ServerSocket listening = new ServerSocket(Integer.parseInt(args[0]), 50, InetAddress.getLoopbackAddress())) {
            if (Files.exists(silentOnce)) {
                System.out.println("ready");
            } else {
                Files.createFile(silentOnce);
            }
            Thread.currentThread().join();
        }
    }
}
