package org.buildwithukraine.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.buildwithukraine.gateway.config.GatewayConfig;
import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * A region or a backend's settings come from the environment alone: a new region is configuration only. Map keys
 * with dashes (client ids) cannot be spelt in an environment variable name; an entry named in
 * application.properties is still overridden from the environment.
 */
class GatewayConfigTest {

    @Test
    void aRegionIsAddedAndABackendTunedFromTheEnvironment() {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(GatewayConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(Map.of(
                        "bwu.gateway.services.factory.url", "http://localhost:8081",
                        "bwu.gateway.regions.de.url", "http://localhost:8083",
                        "bwu.gateway.rate-limit.clients.\"mes-de-munich\".capacity", "300",
                        "bwu.gateway.rate-limit.clients.\"mes-de-munich\".refill-per-second", "30"),
                        "application.properties", 250))
                .withSources(new EnvConfigSource(Map.of(
                        "BWU_GATEWAY_REGIONS_PL_URL", "http://production-line-pl:8080",
                        "BWU_GATEWAY_REGIONS_PL_TIMEOUT", "2s",
                        "BWU_GATEWAY_REGIONS_PL_MANAGEMENT_URL", "http://production-line-pl:9000",
                        "BWU_GATEWAY_PLATFORM_STATUS_TIMEOUT", "3s",
                        "BWU_GATEWAY_SERVICES_FACTORY_URL", "http://factory-service:8080",
                        "BWU_GATEWAY_RATE_LIMIT_CLIENTS__MES_DE_MUNICH__CAPACITY", "500"), 300))
                .build();

        GatewayConfig gateway = config.getConfigMapping(GatewayConfig.class);
        assertThat(gateway.regions()).containsOnlyKeys("de", "pl");
        assertThat(gateway.regions().get("pl").url()).hasToString("http://production-line-pl:8080");
        assertThat(gateway.regions().get("pl").timeout()).contains(Duration.ofSeconds(2));
        assertThat(gateway.regions().get("pl").managementUrl()).hasValueSatisfying(
                url -> assertThat(url).hasToString("http://production-line-pl:9000"));
        assertThat(gateway.regions().get("de").managementUrl()).isEmpty();
        assertThat(gateway.platformStatus().timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(gateway.platformStatus().readinessPath()).isEqualTo("/q/health/ready");
        assertThat(gateway.services().get("factory").url()).hasToString("http://factory-service:8080");
        assertThat(gateway.rateLimit().clients()).containsOnlyKeys("mes-de-munich");
        assertThat(gateway.rateLimit().clients().get("mes-de-munich").capacity()).isEqualTo(500);
        assertThat(gateway.rateLimit().clients().get("mes-de-munich").refillPerSecond()).isEqualTo(30);
        assertThat(gateway.limits().maxBodySize().asLongValue()).isEqualTo(1024 * 1024);
        assertThat(gateway.limits().maxUploadSize().asLongValue()).isEqualTo(200L * 1024 * 1024);
        assertThat(gateway.limits().streamIdleTimeout()).isEqualTo(Duration.ofSeconds(60));
    }
}
