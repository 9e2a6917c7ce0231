package org.buildwithukraine.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ConfigMappingsTest {

    private static final String GATEWAY_LIKE = """
            @ConfigMapping(prefix = "bwu.gateway")
            public interface GatewayConfig {
                /** Backends by name. */
                Map<String, Backend> services();

                Map<String, Region> regions();

                BackendDefaults backendDefaults();

                @WithDefault("organization")
                String factoryClaim();

                @WithName("open-api")
                Optional<String> openapi();

                Map<String, String> labels();

                interface Backend {
                    URI url();

                    Optional<Duration> timeout();
                }

                interface Region extends Backend {
                    Optional<String> linePrefix();
                }

                interface BackendDefaults {
                    @WithDefault("5s")
                    Duration connectTimeout();
                }
            }
            """;

    @Test
    void propertiesOfGroupsMapsAndRenamedMethods() {
        assertThat(ConfigMappings.propertyPatterns(GATEWAY_LIKE)).containsExactlyInAnyOrder(
                "bwu.gateway.services.*.url", "bwu.gateway.services.*.timeout",
                "bwu.gateway.regions.*.line-prefix", "bwu.gateway.regions.*.url", "bwu.gateway.regions.*.timeout",
                "bwu.gateway.backend-defaults.connect-timeout", "bwu.gateway.factory-claim", "bwu.gateway.open-api",
                "bwu.gateway.labels.*");
    }

    @Test
    void environmentNamesOfMapEntries() {
        var regionUrl = ConfigMappings.envPattern("bwu.gateway.regions.*.url");

        assertThat(List.of("BWU_GATEWAY_REGIONS_PL_URL", "BWU_GATEWAY_REGIONS_DE_URL"))
                .allMatch(v -> regionUrl.matcher(v).matches());
        assertThat(regionUrl.matcher("BWU_GATEWAY_REGIONS_URL").matches()).isFalse();
        assertThat(regionUrl.matcher("BWU_GATEWAY_REGIONS_PL_URI").matches()).isFalse();
    }

    @Test
    void anInterfaceWithoutConfigMappingHasNoProperties() {
        assertThat(ConfigMappings.propertyPatterns("public interface Plain { String name(); }")).isEmpty();
    }
}
