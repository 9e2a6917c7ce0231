package org.buildwithukraine.testsupport;

import java.lang.management.ManagementFactory;
import java.util.function.Supplier;

import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.JMX;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.StandardMBean;

/**
 * Test infrastructure that exists once in the JVM however many class loaders load test-support: Quarkus loads
 * test-support's classes anew in the class loader of every boot (each {@code @TestProfile}), so a static field
 * holds one boot's instance, not the JVM's. What must outlive a boot (the broker, the database server, the link in
 * front of the broker) is an MXBean on the platform MBean server instead, and every boot talks to it through a
 * JMX proxy of its own copy of the MXBean interface: only JDK types (strings, numbers) cross from one class
 * loader to another.
 *
 * <p>{@link #instance} has the MBean server itself create the object, from its default loader repository, that
 * is the JVM's system class loader (the test class path, which is never closed), so that the object's classes,
 * Kafka's or PostgreSQL's among them, belong to no boot: nothing they load later depends on a class loader that
 * Quarkus has closed. Registration under a name is atomic; two boots asking at once create two objects, and the
 * one not registered is dropped unused (the objects start their server at the first question, not on creation).
 */
final class JvmWide {

    private static final MBeanServer SERVER = ManagementFactory.getPlatformMBeanServer();
    private static final String DOMAIN = "org.buildwithukraine.testsupport";

    private JvmWide() {
    }

    /**
     * The JVM's one instance of {@code implementation} (a public class with a public no-argument constructor,
     * created by the MBean server, never by the caller) registered as {@code type}, seen through {@code view},
     * the MXBean interface it implements, as loaded by the caller's class loader.
     */
    static <T> T instance(String type, Class<? extends T> implementation, Class<T> view) {
        ObjectName name = name(type, null);
        if (!SERVER.isRegistered(name)) {
            try {
                SERVER.createMBean(implementation.getName(), name);
            } catch (InstanceAlreadyExistsException createdMeanwhile) {
                // by another boot's class loader, at the same time: that one is the JVM's
            } catch (JMException e) {
                throw new IllegalStateException("Cannot create the test JVM's " + type, e);
            }
        }
        return JMX.newMXBeanProxy(SERVER, name, view);
    }

    /** Registers an object the JVM's instance of something made, e.g. a broker's link, as {@code type}/{@code name}. */
    static <T> void register(String type, String name, T object, Class<T> view) {
        try {
            SERVER.registerMBean(new StandardMBean(object, view, true), name(type, name));
        } catch (JMException e) {
            throw new IllegalStateException("Cannot register the test JVM's " + type + " " + name, e);
        }
    }

    /** The object registered as {@code type}/{@code name}, through the caller's copy of its MXBean interface. */
    static <T> T registered(String type, String name, Class<T> view) {
        ObjectName objectName = name(type, name);
        if (!SERVER.isRegistered(objectName)) {
            throw new IllegalStateException("No " + objectName + " in the test JVM");
        }
        return JMX.newMXBeanProxy(SERVER, objectName, view);
    }

    /**
     * Runs {@code work} (starting a server) with the JVM-wide object's own class loader as the thread's context
     * class loader: the caller's thread is a boot's, and the threads a server starts inherit their creator's
     * context class loader; Kafka also loads the classes its configuration names through it.
     */
    static <T> T inOwnClassLoader(Class<?> owner, Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader callers = thread.getContextClassLoader();
        thread.setContextClassLoader(owner.getClassLoader());
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(callers);
        }
    }

    private static ObjectName name(String type, String name) {
        try {
            return new ObjectName(DOMAIN + ":type=" + type + (name == null ? "" : ",name=" + name));
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
