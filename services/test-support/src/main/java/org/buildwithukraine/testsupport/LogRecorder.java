package org.buildwithukraine.testsupport;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Records the messages a class logs, so that a test can wait for what a service only says in its log (that a
 * consumer is retrying, for instance) instead of waiting a while. As a JUnit extension
 * ({@code @RegisterExtension static final LogRecorder log = LogRecorder.of(Some.class)}) it listens from the
 * test class's start to its end; the logger is the JVM's (JBoss LogManager in Quarkus tests), shared by the
 * service under test.
 */
public final class LogRecorder extends Handler implements BeforeAllCallback, AfterAllCallback {

    /** Held here: a logger nobody references may be collected, and its handlers with it. */
    private final Logger logger;
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final SimpleFormatter plain = new SimpleFormatter();

    private LogRecorder(String category) {
        this.logger = Logger.getLogger(category);
    }

    public static LogRecorder of(Class<?> source) {
        return new LogRecorder(source.getName());
    }

    /** The messages so far, formatted, oldest first. */
    public List<String> messages() {
        return List.copyOf(messages);
    }

    /** Waits until {@code count} messages match, at most 30 s. */
    public void awaitMessages(Predicate<String> matching, int count) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> messages.stream().filter(matching).count() >= count);
    }

    @Override
    public void publish(LogRecord record) {
        messages.add(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : plain.formatMessage(record));
    }

    @Override
    public void flush() {
        // nothing buffered
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        logger.addHandler(this);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }
}
