package org.buildwithukraine.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link TcpLink} itself: a forwarder on a loopback port of its own in front of a real server, two threads per
 * connection through it. Package-private: a test holds it as a {@link TcpLink}, and only the resource or broker
 * that made it closes it.
 */
final class TcpForwarder implements TcpLink, AutoCloseable {

    private final InetSocketAddress target;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private ServerSocket listener;
    private Thread acceptor;

    private TcpForwarder(InetSocketAddress target) {
        this.target = target;
        this.listener = listen(0);
        this.port = listener.getLocalPort();
        accept(listener);
    }

    /** A link, up, to {@code targetPort} on the loopback interface. */
    static TcpForwarder toLocalPort(int targetPort) {
        return new TcpForwarder(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort));
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public synchronized void cut() {
        if (listener == null) {
            return;
        }
        closeQuietly(listener);
        listener = null;
        awaitAcceptorEnd();
        for (Socket socket : open) {
            reset(socket);
        }
        open.clear();
    }

    @Override
    public synchronized void restore() {
        if (listener == null) {
            listener = listen(port);
            accept(listener);
        }
    }

    /** Cuts the link: what its owner (a resource at the end of its profile, the broker at the JVM's end) calls. */
    @Override
    public void close() {
        cut();
    }

    private static ServerSocket listen(int port) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on port " + port, e);
        }
    }

    /**
     * The port is free only once the acceptor has left {@code accept()}: the JDK closes a listening socket that a
     * thread is blocked on when that thread returns, so a {@link #restore()} right after a cut would not bind.
     */
    private void awaitAcceptorEnd() {
        try {
            acceptor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void accept(ServerSocket server) {
        acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                Socket client;
                try {
                    client = server.accept();
                } catch (IOException closed) {
                    continue; // cut(): the loop ends with the listener
                }
                try {
                    Socket upstream = new Socket(target.getAddress(), target.getPort());
                    open.add(client);
                    open.add(upstream);
                    if (server.isClosed()) {
                        // cut() ran while this connection was being set up: it is cut too
                        open.remove(client);
                        open.remove(upstream);
                        reset(client);
                        reset(upstream);
                        continue;
                    }
                    pump(client, upstream);
                    pump(upstream, client);
                } catch (IOException serverRefused) {
                    reset(client);
                }
            }
        }, "tcp-link-" + port + "-accept");
        acceptor.setDaemon(true);
        // not the caller's: a test's class loader, closed when its Quarkus boot ends, would be kept from collection
        acceptor.setContextClassLoader(TcpForwarder.class.getClassLoader());
        acceptor.start();
    }

    private void pump(Socket from, Socket to) {
        Thread pump = new Thread(() -> {
            byte[] buffer = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int read; (read = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException ended) {
                // one side closed or was reset; the other is closed below
            } finally {
                open.remove(from);
                open.remove(to);
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "tcp-link-" + port + "-pump");
        pump.setDaemon(true);
        pump.start();
    }

    /** An abortive close (RST), as when the peer's host is gone, not an orderly FIN. */
    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (SocketException alreadyClosed) {
            // nothing to reset
        }
        closeQuietly(socket);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing is all that was wanted
        }
    }
}
