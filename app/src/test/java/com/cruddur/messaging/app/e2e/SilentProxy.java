package com.cruddur.messaging.app.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on 127.0.0.1 in front of an engine that a test can silence: a network partition as a client meets it.
 * Silenced, it carries nothing either way and refuses nothing — connections stay open, bytes wait (as TCP would
 * retransmit them), new connections are accepted and hear nothing. Healed, it carries what waited and all that
 * follows.
 */
final class SilentProxy implements AutoCloseable {
    private final InetSocketAddress target;
    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Object gate = new Object();
    private volatile boolean silent;
    private volatile boolean closed;

    SilentProxy(int targetPort) throws IOException {
        this.target = new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort);
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "silent-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    void silence() {
        silent = true;
    }

    void heal() {
        synchronized (gate) {
            silent = false;
            gate.notifyAll();
        }
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                Socket engine = new Socket();
                sockets.add(client);
                sockets.add(engine);
                awaitHealed(); // a connection made during the silence is not carried through until it ends
                engine.connect(target);
                pump(client.getInputStream(), engine.getOutputStream());
                pump(engine.getInputStream(), client.getOutputStream());
            } catch (IOException | InterruptedException e) {
                if (!closed) {
                    continue;
                }
                return;
            }
        }
    }

    private void pump(InputStream from, OutputStream to) {
        Thread pump = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try {
                int read;
                while ((read = from.read(buffer)) >= 0) {
                    awaitHealed(); // what was read during the silence waits, as a partition's bytes would
                    to.write(buffer, 0, read);
                    to.flush();
                }
            } catch (IOException | InterruptedException e) {
                // the connection ended
            }
        }, "silent-proxy-pump");
        pump.setDaemon(true);
        pump.start();
    }

    private void awaitHealed() throws InterruptedException {
        synchronized (gate) {
            while (silent && !closed) {
                gate.wait(100);
            }
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        heal();
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
