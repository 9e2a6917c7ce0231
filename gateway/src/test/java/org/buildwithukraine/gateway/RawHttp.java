package org.buildwithukraine.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.restassured.RestAssured;

/**
 * One HTTP/1.1 connection to the gateway written byte by byte: for what an HTTP client library would not send
 * (raw backslashes and escapes in the path, a declared length the body never reaches, a body that trickles).
 */
final class RawHttp implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    RawHttp(int readTimeoutMillis) throws IOException {
        socket = new Socket("localhost", RestAssured.port);
        socket.setSoTimeout(readTimeoutMillis);
        out = socket.getOutputStream();
        in = socket.getInputStream();
    }

    /** Writes the request line and headers; the body, if any, is the caller's to write. */
    RawHttp head(String method, String target, Map<String, String> headers) throws IOException {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: localhost\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        return this;
    }

    RawHttp write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** The answer, read up to its declared length, or null when none came within the read timeout. */
    Answer answer() throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        try {
            int headEnd = -1;
            byte[] chunk = new byte[4096];
            while (headEnd < 0) {
                int read = in.read(chunk);
                if (read < 0) {
                    return null;
                }
                received.write(chunk, 0, read);
                headEnd = received.toString(StandardCharsets.ISO_8859_1).indexOf("\r\n\r\n");
            }
            String text = received.toString(StandardCharsets.ISO_8859_1);
            String[] lines = text.substring(0, headEnd).split("\r\n");
            Map<String, String> headers = new TreeMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
            int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            while (received.size() < headEnd + 4 + length) {
                int read = in.read(chunk);
                if (read < 0) {
                    break;
                }
                received.write(chunk, 0, read);
            }
            String body = received.toString(StandardCharsets.UTF_8).substring(headEnd + 4);
            return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, body);
        } catch (SocketTimeoutException noAnswer) {
            return null;
        }
    }

    /** Whether the gateway has closed the connection (reads end of stream within the read timeout). */
    boolean closedByGateway() throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    record Answer(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }
}
