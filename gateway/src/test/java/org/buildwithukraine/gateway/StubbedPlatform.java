package org.buildwithukraine.gateway;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.buildwithukraine.testsupport.KafkaTestResource;

import io.quarkus.test.common.WithTestResource;

/**
 * The gateway in front of stub backends, trusting test tokens, whose key a stub identity provider publishes, with
 * the in-process Kafka broker for the dead-letter routes. Every class so annotated shares one Quarkus boot; the
 * test against a real Keycloak has its own.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@WithTestResource(StubIdentityProvider.class)
@WithTestResource(StubBackends.class)
@WithTestResource(KafkaTestResource.class)
public @interface StubbedPlatform {
}
