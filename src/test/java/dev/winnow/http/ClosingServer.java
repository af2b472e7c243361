package dev.winnow.http;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw-socket server on 127.0.0.1 that answers one request per connection and closes it, like Python's
 * {@code http.server}: a {@code HTTP/1.0} status line (or {@code HTTP/1.1}, to play a server that closes
 * idle connections without saying so), no {@code Connection} header. Serves fixed bodies by path;
 * anything else is a 404. Records the {@code Connection} header of each request.
 */
final class ClosingServer implements AutoCloseable {
    private final ServerSocket socket;
    private final Map<String, byte[]> bodies = new ConcurrentHashMap<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final List<String> connectionHeaders = new CopyOnWriteArrayList<>();
    private final String version;
    private final Thread acceptor;

    ClosingServer(String version) throws IOException {
        this.version = version;
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptLoop, "closing-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    ClosingServer serve(String path, byte[] body) {
        bodies.put(path, body);
        return this;
    }

    String url(String path) {
        return "http://127.0.0.1:" + socket.getLocalPort() + path;
    }

    /** Connections accepted so far: one per request, since the server never keeps one open. */
    int connections() {
        return connections.get();
    }

    /** The {@code Connection} header of each request in order ("-" when absent). */
    List<String> connectionHeaders() {
        return connectionHeaders;
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try (Socket s = socket.accept()) {
                connections.incrementAndGet();
                answer(s);
            } catch (IOException e) {
                // closed by close(), or a client that went away: the next accept decides
            }
        }
    }

    private void answer(Socket s) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
        String requestLine = in.readLine();
        String connection = "-";
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            if (line.regionMatches(true, 0, "Connection:", 0, 11)) {
                connection = line.substring(11).strip();
            }
        }
        connectionHeaders.add(connection);
        String path = requestLine == null ? "/" : requestLine.split(" ")[1];
        byte[] body = bodies.get(path);
        int status = body == null ? 404 : 200;
        body = body == null ? "not found".getBytes(StandardCharsets.ISO_8859_1) : body;
        OutputStream out = s.getOutputStream();
        out.write((version + " " + status + (status == 200 ? " OK" : " Not Found") + "\r\n"
                + "Server: SimpleHTTP/0.6\r\nContent-Type: application/xml\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        if (requestLine != null && !requestLine.startsWith("HEAD")) {
            out.write(body);
        }
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
