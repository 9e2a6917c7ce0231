package org.buildwithukraine.gateway.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * How the gateway reaches Kafka for the operator's dead-letter routes, under the names the services use: so the
 * same environment (KAFKA_BOOTSTRAP_SERVERS, KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_JAAS_CONFIG, ... of the
 * platform's kafka-client-config) configures the gateway's clients.
 */
@ConfigMapping(prefix = "kafka")
public interface KafkaClientConfig {

    @WithName("bootstrap.servers")
    @WithDefault("localhost:9092")
    String bootstrapServers();

    /** PLAINTEXT when absent; SASL_SSL in Kubernetes. */
    @WithName("security.protocol")
    Optional<String> securityProtocol();

    @WithName("sasl.mechanism")
    Optional<String> saslMechanism();

    /** The credentials of the gateway's KafkaUser, from the Secret the Strimzi user operator writes. */
    @WithName("sasl.jaas.config")
    Optional<String> saslJaasConfig();

    @WithName("ssl.truststore.type")
    Optional<String> sslTruststoreType();

    @WithName("ssl.truststore.location")
    Optional<String> sslTruststoreLocation();

    /** The connection properties of a Kafka client (consumer or producer). */
    default Map<String, Object> connection() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("bootstrap.servers", bootstrapServers());
        securityProtocol().ifPresent(value -> properties.put("security.protocol", value));
        saslMechanism().ifPresent(value -> properties.put("sasl.mechanism", value));
        saslJaasConfig().ifPresent(value -> properties.put("sasl.jaas.config", value));
        sslTruststoreType().ifPresent(value -> properties.put("ssl.truststore.type", value));
        sslTruststoreLocation().ifPresent(value -> properties.put("ssl.truststore.location", value));
        return properties;
    }
}
