package org.buildwithukraine.k8s;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The configuration an application reads, from its sources: the keys of its application.properties (every
 * profile), the defaults the service kit ships (META-INF/microprofile-config.properties), the properties of its
 * {@code @ConfigMapping} interfaces (prefix + method name in kebab case) and, for an application that talks to
 * Kafka, the Kafka client properties (Quarkus passes every {@code KAFKA_*} variable to the clients as
 * {@code kafka.*}, lower case, '_' read as '.').
 *
 * <p>An environment variable names a key the Quarkus way: the key in upper case with every character that is
 * not a letter or digit replaced by '_' (QUARKUS_DATASOURCE_JDBC_URL is quarkus.datasource.jdbc.url). A
 * variable that names none of these keys is ignored by the application: a typo, or config for another one.
 */
final class AppConfig {

    private static final Set<String> KAFKA_CLIENT_KEYS = kafkaClientKeys();

    private final String module;
    private final Set<String> envNames = new HashSet<>();
    private final List<Pattern> mappings;
    private final boolean kafka;

    private AppConfig(String module, Set<String> keys, List<Pattern> mappings, boolean kafka) {
        this.module = module;
        this.mappings = mappings;
        this.kafka = kafka;
        keys.forEach(k -> envNames.add(envName(k)));
    }

    /** The configuration of the application whose image is {@code bwu/<name>}, read from its module sources. */
    static AppConfig ofImage(String image) {
        return of(moduleOf(image));
    }

    private static Path moduleOf(String image) {
        String name = image.replaceFirst("^.*/", "").replaceFirst("[:@].*$", "");
        Path root = Manifests.repositoryRoot();
        return name.equals("gateway") ? root.resolve("gateway") : root.resolve("services").resolve(name);
    }

    static AppConfig of(Path module) {
        Path properties = module.resolve("src/main/resources/application.properties");
        if (!Files.exists(properties)) {
            throw new IllegalStateException(properties + " does not exist: the application's configuration is unknown");
        }
        Set<String> keys = new HashSet<>(propertyKeys(properties));
        boolean kafkaChannels = hasKafkaChannel(properties);
        List<Pattern> mappings = new ArrayList<>(mappingPatterns(module.resolve("src/main/java")));
        try {
            boolean usesKit = Files.readString(module.resolve("pom.xml")).contains("<artifactId>bwu-service-kit</artifactId>");
            Path kit = module.getParent().resolve("service-kit");
            if (usesKit && !module.getFileName().toString().equals("service-kit")) {
                Path kitDefaults = kit.resolve("src/main/resources/META-INF/microprofile-config.properties");
                keys.addAll(propertyKeys(kitDefaults));
                kafkaChannels |= hasKafkaChannel(kitDefaults);
                mappings.addAll(mappingPatterns(kit.resolve("src/main/java")));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        // the Kafka extension reads KAFKA_* whenever the application has a Kafka channel (the kit's outbox is one)
        boolean kafka = keys.stream().anyMatch(k -> k.startsWith("kafka.")) || kafkaChannels;
        return new AppConfig(module.getFileName().toString(), keys, mappings, kafka);
    }

    /** The application's own application.properties, profile prefixes kept. */
    static Properties properties(String image) {
        return load(moduleOf(image).resolve("src/main/resources/application.properties"));
    }

    /** Whether the application reads the key this environment variable names. */
    boolean reads(String variable) {
        if (envNames.contains(variable) || mappings.stream().anyMatch(p -> p.matcher(variable).matches())) {
            return true;
        }
        if (kafka && variable.startsWith("KAFKA_")) {
            return KAFKA_CLIENT_KEYS.contains(variable.substring("KAFKA_".length()).toLowerCase(Locale.ROOT).replace('_', '.'));
        }
        return false;
    }

    /** Whether it has Kafka channels (its own, or the kit's outbox). */
    boolean talksToKafka() {
        return kafka;
    }

    /** Whether it reads the OpenID Connect server's address, from which quarkus-oidc fetches Keycloak's keys. */
    boolean talksToKeycloak() {
        return envNames.contains(envName("quarkus.oidc.auth-server-url"));
    }

    String module() {
        return module;
    }

    static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    private static boolean hasKafkaChannel(Path file) {
        Properties properties = load(file);
        return properties.stringPropertyNames().stream()
                .anyMatch(k -> k.startsWith("mp.messaging.") && k.endsWith(".connector")
                        && properties.getProperty(k).trim().equals("smallrye-kafka"));
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return properties;
    }

    private static Set<String> propertyKeys(Path file) {
        Properties properties = load(file);
        Set<String> keys = new HashSet<>();
        for (String key : properties.stringPropertyNames()) {
            // "%prod.quarkus.x" and "%dev,test.quarkus.x" configure quarkus.x
            keys.add(key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key);
        }
        return keys;
    }

    private static List<Pattern> mappingPatterns(Path sources) {
        List<Pattern> patterns = new ArrayList<>();
        if (!Files.isDirectory(sources)) {
            return patterns;
        }
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                ConfigMappings.propertyPatterns(Files.readString(file)).forEach(p -> patterns.add(ConfigMappings.envPattern(p)));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return patterns;
    }

    private static Set<String> kafkaClientKeys() {
        Set<String> keys = new HashSet<>();
        keys.addAll(ProducerConfig.configNames());
        keys.addAll(ConsumerConfig.configNames());
        keys.addAll(AdminClientConfig.configNames());
        return keys;
    }
}
