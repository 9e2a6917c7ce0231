package org.buildwithukraine.gateway;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.buildwithukraine.testsupport.TestTokenResource;

import io.quarkus.test.common.WithTestResource;

/**
 * The gateway in front of stub backends, trusting test tokens. Every class so annotated shares one Quarkus boot;
 * the test against a real Keycloak has its own.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@WithTestResource(TestTokenResource.class)
@WithTestResource(StubBackends.class)
public @interface StubbedPlatform {
}
