package org.buildwithukraine.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * HTTP/1.1 written byte by byte on a socket, for what a well-behaved client cannot send: paths it would encode,
 * bodies shorter than they declare, bodies that never finish.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /**
     * What the server answered and whether it then closed the connection; {@code status} is 0 when nothing came
     * back within the wait.
     */
    public record Answer(int status, String head, String body, boolean closed, Duration elapsed) {
    }

    /** The request line and headers (Host and the given ones), then {@code body} as it is, however long declared. */
    public static Answer send(int port, String method, String target, Map<String, String> headers, byte[] body,
            Duration wait) {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: localhost:").append(port).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        long start = System.nanoTime();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout((int) wait.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return read(socket.getInputStream(), start);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads until the server closes the connection, or has sent a complete answer, or the wait is over. */
    private static Answer read(InputStream in, long start) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        boolean closed = false;
        try {
            while (!complete(received.toString(StandardCharsets.ISO_8859_1))) {
                int read = in.read(buffer);
                if (read < 0) {
                    closed = true;
                    break;
                }
                received.write(buffer, 0, read);
            }
            if (!closed) {
                // a complete answer: see whether the connection is closed after it, as it must be for a cut-off body
                closed = in.read() < 0;
            }
        } catch (SocketTimeoutException stillOpen) {
            // the connection is open and silent
        } catch (IOException reset) {
            closed = true;
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        String text = received.toString(StandardCharsets.UTF_8);
        int headEnd = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.1 ") || headEnd < 0) {
            return new Answer(0, text, "", closed, elapsed);
        }
        return new Answer(Integer.parseInt(text.substring(9, 12)), text.substring(0, headEnd),
                text.substring(headEnd + 4), closed, elapsed);
    }

    private static boolean complete(String received) {
        int headEnd = received.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            return false;
        }
        for (String line : received.substring(0, headEnd).split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                int length = Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
                return received.length() - headEnd - 4 >= length;
            }
        }
        return false;
    }
}
