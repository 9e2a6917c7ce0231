package org.buildwithukraine.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.buildwithukraine.gateway.console.ConsoleHeaders;
import org.junit.jupiter.api.Test;

class ConsoleHeadersTest {

    @Test
    void thePolicyNamesKeycloaksOriginWithoutItsPath() {
        String policy = ConsoleHeaders.contentSecurityPolicy(URI.create("https://auth.bwu.example/realms/bwu"));
        assertThat(policy).contains("connect-src 'self' https://auth.bwu.example;")
                .contains("frame-src https://auth.bwu.example;").doesNotContain("/realms");
    }

    @Test
    void aPortIsPartOfTheOrigin() {
        assertThat(ConsoleHeaders.contentSecurityPolicy(URI.create("http://localhost:41234")))
                .contains("connect-src 'self' http://localhost:41234;");
    }

    @Test
    void aRelativeKeycloakUrlIsRefused() {
        assertThatThrownBy(() -> ConsoleHeaders.contentSecurityPolicy(URI.create("/auth")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bwu.console.keycloak-url");
    }
}
