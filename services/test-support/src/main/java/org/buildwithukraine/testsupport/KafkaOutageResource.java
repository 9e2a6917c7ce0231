package org.buildwithukraine.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points every Kafka channel of the service at the shared test broker through its {@link TestKafka#link()}, so
 * that a test can take the broker away from the service ({@link TcpLink#cut()}) and give it back, while the
 * broker, its topics and the test's own clients stay as they are. Injected into a test's field annotated
 * {@link Link}: a JMX proxy of the link, which is the JVM's, as the broker is. Meant for a test profile of its own
 * (it replaces {@link KafkaTestResource}'s servers); the link is restored when the profile ends, for the next
 * boot that uses it.
 */
public class KafkaOutageResource implements QuarkusTestResourceLifecycleManager {

    /** Marks the test's {@link TcpLink} field that this resource fills in. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Link {
    }

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", TestKafka.linkedBootstrapServers());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(TestKafka.link(),
                new TestInjector.AnnotatedAndMatchesType(Link.class, TcpLink.class));
    }

    @Override
    public void stop() {
        TestKafka.link().restore();
    }
}
