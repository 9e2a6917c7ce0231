package org.buildwithukraine.testsupport;

import javax.management.MXBean;

/**
 * A TCP link on a loopback port of its own in front of a real server, which a test can {@link #cut()} and
 * {@link #restore()}: while cut, every open connection is reset and a new one is refused, exactly what a client
 * sees when the server's process or host dies; once restored, new connections reach the server again. The
 * server itself keeps running, so the other tests of the JVM that use it directly are not disturbed.
 *
 * <p>An MXBean interface, so that a link that outlives one Quarkus boot (the one in front of {@link TestKafka}'s
 * second listener) is reached from every boot's class loader through the platform MBean server, with only JDK
 * types crossing: a test holds a JMX proxy of it, not the forwarder itself.
 */
@MXBean
public interface TcpLink {

    /** The loopback port clients connect to. */
    int port();

    /** Resets every connection through the link and refuses new ones until {@link #restore()}. */
    void cut();

    /** Accepts connections on the same port again. */
    void restore();
}
