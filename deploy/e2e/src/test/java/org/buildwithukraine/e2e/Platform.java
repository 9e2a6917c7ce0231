package org.buildwithukraine.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import io.restassured.RestAssured;

/**
 * The platform under test: started once per test JVM by {@code deploy/local/up.sh} as instance "e2e" on free
 * ports of its own (so it never meets a developer's platform on the default ports), from a clean slate, and
 * stopped by {@code deploy/local/down.sh} when the JVM ends. Its data and logs stay in
 * {@code deploy/local/.run/e2e} for a look after a failure; the next run deletes them first. Its PostgreSQL is
 * durable ({@code fsync} and {@code synchronous_commit} on), as production runs it.
 */
public final class Platform {

    private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(15);
    /** The services, as up.sh names their ports (BWU_<NAME>_PORT); each has an outbox. */
    private static final List<String> SERVICES = List.of("FACTORY", "LICENCE", "PRODUCTION_DE", "PRODUCTION_UK", "ROUTING");
    /** A sample of the gauge, and the exemplar Micrometer may write after it (OpenMetrics). */
    private static final Pattern OUTBOX_PENDING = Pattern.compile(
            "(?m)^bwu_outbox_pending(?:\\{[^}]*\\})? (\\S+)(?: #.*)?$");
    private static Platform instance;

    private final Path root;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final Map<String, String> published = new LinkedHashMap<>();

    private Platform(Path root) {
        this.root = root;
        environment.put("BWU_INSTANCE", "e2e");
        // durable as production, whatever the shell exports: a commit's fsync costs about a millisecond here, a
        // few seconds over the whole suite, and the suite must not pass on a database that may lose writes
        environment.put("BWU_POSTGRES_UNSAFE_FAST", "false");
        // the DEBUG lines that show a request or event in its trace (TracingIT): each answer the gateway relays,
        // each request a service answers, each record a consumer applies
        environment.put("QUARKUS_LOG_CATEGORY__ORG_BUILDWITHUKRAINE_GATEWAY_PROXY__LEVEL", "DEBUG");
        environment.put("QUARKUS_LOG_CATEGORY__ORG_BUILDWITHUKRAINE_KIT_WEB__LEVEL", "DEBUG");
        environment.put("QUARKUS_LOG_CATEGORY__ORG_BUILDWITHUKRAINE_KIT_TRACING__LEVEL", "DEBUG");
        List<String> applications = applications();
        List<String> names = new ArrayList<>(applications);
        applications.forEach(application -> names.add(application + "_MANAGEMENT"));
        names.addAll(List.of("KEYCLOAK", "KAFKA", "KAFKA_CONTROLLER", "POSTGRES", "REPLICA", "REPLICA_MANAGEMENT"));
        List<Integer> ports = freePorts(names.size());
        for (int i = 0; i < names.size(); i++) {
            environment.put("BWU_" + names.get(i) + "_PORT", ports.get(i).toString());
        }
        String repository = System.getProperty("e2e.mavenRepository");
        if (repository != null && !repository.isBlank()) {
            // the nested Maven runs of up.sh (runtime pieces, missing builds) use the build's repository
            environment.put("MAVEN_OPTS", (System.getenv().getOrDefault("MAVEN_OPTS", "") + " -Dmaven.repo.local="
                    + repository).trim());
        }
    }

    /** The running platform, started on first use. */
    public static synchronized Platform get() {
        if (instance == null) {
            Platform platform = new Platform(Path.of(System.getProperty("e2e.root", "../..")).toAbsolutePath()
                    .normalize());
            platform.script("down.sh", "--purge");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> platform.script("down.sh"), "e2e-platform-stop"));
            platform.up(false);
            instance = platform;
        }
        return instance;
    }

    /**
     * Runs up.sh: starts whatever of the instance is not running, waits until all of it is ready, and (with
     * demo data) loads the demo data. Returns what it printed.
     */
    public String up(boolean demoData) {
        String output = demoData ? script("up.sh") : script("up.sh", "--no-demo-data");
        readPublished();
        return output;
    }

    /**
     * Starts a second instance of a service (up.sh --replica: component "replica", ports of its own, the same
     * database and broker) and waits until it is ready; {@link #up} leaves it as it is.
     */
    public void startReplica(String service) {
        script("up.sh", "--no-demo-data", "--replica=" + service);
    }

    /** Stops these components (down.sh with component names); {@link #up} starts them again. */
    public void stop(String... components) {
        script("down.sh", components);
    }

    /**
     * Kills these components at once, as a crash would (down.sh --kill: SIGKILL to each one's whole process group,
     * PostgreSQL's postmaster with all its backends); {@link #up} starts them again.
     */
    public void kill(String... components) {
        List<String> arguments = new ArrayList<>(List.of("--kill"));
        arguments.addAll(List.of(components));
        script("down.sh", arguments.toArray(String[]::new));
    }

    /** A connection to a service's database (e.g. "licence") as up.sh creates it: user = password = database. */
    public Connection database(String name) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port("POSTGRES") + "/" + name, name, name);
    }

    /** The records ever written to each dead-letter topic ({@code *.dlq}) of the broker: its end offsets summed. */
    public Map<String, Long> deadLetters() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap()))) {
            List<String> topics = admin.listTopics(new ListTopicsOptions()).names().get().stream()
                    .filter(topic -> topic.endsWith(".dlq")).sorted().toList();
            Map<TopicPartition, OffsetSpec> ends = new LinkedHashMap<>();
            admin.describeTopics(topics).allTopicNames().get().values().forEach(topic -> topic.partitions()
                    .forEach(partition -> ends.put(new TopicPartition(topic.name(), partition.partition()),
                            OffsetSpec.latest())));
            Map<String, Long> records = new TreeMap<>();
            topics.forEach(topic -> records.put(topic, 0L));
            admin.listOffsets(ends).all().get()
                    .forEach((partition, end) -> records.merge(partition.topic(), end.offset(), Long::sum));
            return records;
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not read the dead-letter topics", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits until every service has published every event it committed (its outbox backlog, a metric on its
     * management port, is 0) and every consumer group has committed offsets up to the end of every partition
     * assigned to it: every service has applied every event so far. Services learn of each other's changes only
     * through Kafka; a step that depends on another service's news waits for this first.
     */
    public void awaitEventsApplied(Duration timeout) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap()))) {
            long deadline = System.nanoTime() + timeout.toNanos();
            // consumers publish news of their own: settled only when the outboxes are still empty afterwards
            while (!(outboxesEmpty() && allCaughtUp(admin) && outboxesEmpty())) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Services have not applied every event within " + timeout);
                }
                TimeUnit.MILLISECONDS.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private boolean outboxesEmpty() {
        for (String service : SERVICES) {
            Matcher pending = OUTBOX_PENDING.matcher(metrics(service));
            if (!pending.find() || Double.parseDouble(pending.group(1)) != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean allCaughtUp(Admin admin) throws InterruptedException {
        try {
            List<String> groups = admin.listConsumerGroups().all().get().stream().map(ConsumerGroupListing::groupId)
                    .toList();
            for (ConsumerGroupDescription group : admin.describeConsumerGroups(groups).all().get().values()) {
                // a partition that has never delivered to the group has no committed offset yet: it counts from 0
                Set<TopicPartition> partitions = new HashSet<>();
                group.members().forEach(member -> partitions.addAll(member.assignment().topicPartitions()));
                Map<TopicPartition, OffsetAndMetadata> committed = admin
                        .listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata().get();
                partitions.addAll(committed.keySet());
                Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
                partitions.forEach(partition -> latest.put(partition, OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get();
                for (TopicPartition partition : partitions) {
                    OffsetAndMetadata offset = committed.get(partition);
                    if ((offset == null ? 0 : offset.offset()) < ends.get(partition).offset()) {
                        return false;
                    }
                }
            }
            return true;
        } catch (ExecutionException e) {
            return false;
        }
    }

    private String kafkaBootstrap() {
        return "localhost:" + port("KAFKA");
    }

    public String gatewayUrl() {
        return published("BWU_GATEWAY_URL");
    }

    public String keycloakUrl() {
        return published("BWU_KEYCLOAK_URL");
    }

    public String tokenUrl() {
        return published("BWU_TOKEN_URL");
    }

    /** The secret of a factory MES client as Keycloak holds it, e.g. for {@code mes-de-munich}. */
    public String clientSecret(String clientId) {
        return published("BWU_" + clientId.replace('-', '_').toUpperCase() + "_SECRET");
    }

    /** Every application of the platform, as up.sh names them: the services and the gateway. */
    public static List<String> applications() {
        List<String> applications = new ArrayList<>(SERVICES);
        applications.add("GATEWAY");
        return applications;
    }

    /** The Prometheus metrics of an application (up.sh's name, e.g. "LICENCE"), from its management port. */
    public String metrics(String application) {
        return RestAssured.given().baseUri("http://localhost:" + port(application + "_MANAGEMENT"))
                .get("/q/metrics").asString();
    }

    public String port(String name) {
        return environment.get("BWU_" + name + "_PORT");
    }

    public Path logs() {
        return instanceDir().resolve("logs");
    }

    /** The log file of every application up.sh started (the services and the gateway). */
    public List<Path> applicationLogs() {
        return Arrays.stream(published("BWU_SERVICES").split(" ")).map(component -> logs().resolve(component + ".log"))
                .toList();
    }

    private Path instanceDir() {
        return root.resolve("deploy/local/.run/e2e");
    }

    private String published(String name) {
        String value = published.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not in " + instanceDir().resolve("platform.env"));
        }
        return value;
    }

    private void readPublished() {
        try {
            for (String line : Files.readAllLines(instanceDir().resolve("platform.env"))) {
                int equals = line.indexOf('=');
                if (equals > 0) {
                    published.put(line.substring(0, equals), line.substring(equals + 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String script(String name, String... arguments) {
        List<String> command = new ArrayList<>(List.of("bash", root.resolve("deploy/local").resolve(name).toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        StringBuilder output = new StringBuilder();
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    System.out.println("[" + name + "] " + line);
                    output.append(line).append('\n');
                }
            }
            if (!process.waitFor(SCRIPT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(name + " did not finish within " + SCRIPT_TIMEOUT);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(name + " " + String.join(" ", arguments) + " failed (exit "
                        + process.exitValue() + "):\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return output.toString();
    }

    /** Distinct free ports: all sockets are held open until every port is known. */
    private static List<Integer> freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // only a probe
                }
            }
        }
    }
}
