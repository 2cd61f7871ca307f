package com.cruddur.messaging.adapter.http;

import com.cruddur.messaging.domain.fixtures.Waiting;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A server-sent-events client on a plain socket (to 127.0.0.1 only), so a test controls the reading:
 * it parses events as they arrive, or — for a slow client — does not read at all until told to.
 */
public final class SseConnection implements AutoCloseable {
    /** One event as a browser's EventSource would see it (heartbeats are comments), and when it arrived. */
    public record SseEvent(String id, String name, String data, String comment, long arrivedNanos) {
    }

    private final Socket socket;
    private final BufferedReader reader;
    private final List<SseEvent> events = new CopyOnWriteArrayList<>();
    private final int status;
    private volatile boolean ended;
    private Thread readerThread;

    private final URI uri;
    private final Map<String, String> requestHeaders;

    private SseConnection(Socket socket, BufferedReader reader, int status, URI uri, Map<String, String> requestHeaders) {
        this.socket = socket;
        this.reader = reader;
        this.status = status;
        this.uri = uri;
        this.requestHeaders = requestHeaders;
    }

    /** Opens {@code GET path} with the headers; reads events from the start unless {@code paused}. */
    public static SseConnection open(URI base, String path, Map<String, String> headers, boolean paused, int receiveBuffer) {
        if (!"127.0.0.1".equals(base.getHost()) && !"localhost".equals(base.getHost())) {
            throw new IllegalArgumentException("tests talk to loopback only: " + base);
        }
        try {
            Socket socket = new Socket();
            if (receiveBuffer > 0) {
                socket.setReceiveBufferSize(receiveBuffer);
            }
            socket.connect(new InetSocketAddress("127.0.0.1", base.getPort()), 5000);
            socket.setSoTimeout(30_000);
            StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + base.getPort()
                    + "\r\nAccept: text/event-stream\r\nConnection: close\r\n");
            headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
            OutputStream out = socket.getOutputStream();
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            URI uri = base.resolve(path);
            SseConnection connection = paused ? new SseConnection(socket, reader, -1, uri, headers)
                    : new SseConnection(socket, reader, statusOf(reader, uri, headers), uri, headers);
            if (!paused) {
                connection.resume();
            }
            return connection;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SseConnection open(URI base, String path, Map<String, String> headers) {
        return open(base, path, headers, false, 0);
    }

    /**
     * Reads the status line and headers and checks them against the API document ({@link ApiContract}): an
     * open stream's head, or a refusal with its JSON body (read to its end: the server closes after it).
     */
    private static int statusOf(BufferedReader reader, URI uri, Map<String, String> requestHeaders) throws IOException {
        String statusLine = reader.readLine();
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        String header;
        while ((header = reader.readLine()) != null && !header.isEmpty()) {
            int colon = header.indexOf(':');
            headers.computeIfAbsent(header.substring(0, colon).strip(), name -> new ArrayList<>()).add(header.substring(colon + 1).strip());
        }
        String body = "";
        if (status != 200 && headers.containsKey("content-length")) {
            char[] content = new char[Integer.parseInt(headers.get("content-length").get(0))];
            int read = 0;
            while (read < content.length) {
                int n = reader.read(content, read, content.length - read);
                if (n < 0) {
                    break;
                }
                read += n;
            }
            body = new String(content, 0, read);
        }
        Map<String, List<String>> sent = new TreeMap<>();
        requestHeaders.forEach((name, value) -> sent.put(name, List.of(value)));
        ApiContract.check("GET", uri, sent, "", status, headers, body);
        return status;
    }

    public int status() {
        return status;
    }

    /** Starts reading (a paused connection skips its status and headers first). */
    public synchronized void resume() {
        if (readerThread != null) {
            return;
        }
        boolean skipHead = status < 0;
        readerThread = new Thread(() -> read(skipHead), "sse-test-reader");
        readerThread.setDaemon(true);
        readerThread.start();
    }

    private void read(boolean skipHead) {
        try {
            if (skipHead) {
                statusOf(reader, uri, requestHeaders);
            }
            String id = null;
            String name = null;
            String comment = null;
            List<String> data = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.matches("^[0-9a-fA-F]+$")) {
                    continue; // a chunk size line of the chunked transfer encoding
                }
                if (line.isEmpty()) {
                    if (id != null || name != null || comment != null || !data.isEmpty()) {
                        events.add(new SseEvent(id, name, String.join("\n", data), comment, System.nanoTime()));
                    }
                    id = null;
                    name = null;
                    comment = null;
                    data.clear();
                } else if (line.startsWith(":")) {
                    comment = line.substring(1).strip();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.add(line.substring(5).strip());
                }
            }
        } catch (IOException e) {
            // the connection was closed under the reader
        } finally {
            ended = true;
        }
    }

    public List<SseEvent> events() {
        return List.copyOf(events);
    }

    public List<SseEvent> named(String name) {
        return events().stream().filter(event -> name.equals(event.name())).toList();
    }

    /** Whether the server ended the stream (the connection is closed). */
    public boolean ended() {
        return ended;
    }

    /** Waits up to {@code within} for the condition on the events so far. */
    public boolean await(Predicate<List<SseEvent>> condition, Duration within) {
        return Waiting.until(() -> condition.test(events()), within);
    }

    public boolean awaitEnd(Duration within) {
        return await(events -> ended, within);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
