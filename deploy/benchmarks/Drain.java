import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Waits until the platform has caught up after a load: every outbox empty ({@code bwu_outbox_pending} 0 on each
 * management interface given) and every consumer group's committed offsets at the end of its partitions, both
 * seen in the same pass. Started before the load ends, so that its own start-up is not counted: it connects,
 * writes TRIGGER_FILE.ready once it is ready to count, then waits for TRIGGER_FILE, which holds the time the load
 * ended (epoch milliseconds), and prints {@code DRAIN <seconds from then>} once caught up, or
 * {@code DRAIN timeout ...} with what was left and exits 1.
 *
 * <p>Compiled and run by the benchmark scripts with the Kafka client on the class path (lib.sh):
 * {@code Drain BOOTSTRAP TRIGGER_FILE TIMEOUT_SECONDS METRICS_URL...}. Consumers
 * commit their offsets every few seconds (SmallRye's throttled strategy, auto.commit.interval.ms), so the time
 * printed can be that much later than the last event's processing.
 *
 * <p>With {@code -Ddrain.expect=TOPIC:COUNT} it also waits until at least COUNT records have been appended to
 * TOPIC since it connected (the sum of its partitions' end offsets), so that a load whose events are written
 * later, by a consumer (a re-routing after a line's report), cannot count as caught up before they exist; and it
 * prints {@code KAFKA <seconds>} first, from the first pass in which those records are there and every outbox is
 * empty (the events are on Kafka; consumers may still be behind).
 */
public class Drain {

    /** The groups behind in the last pass, and by how much: shown while waiting. */
    private static final Map<String, Long> lagging = new TreeMap<>();

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        Path trigger = Path.of(args[1]);
        long timeout = Long.parseLong(args[2]) * 1000;
        List<URI> metrics = List.of(args).subList(3, args.length).stream().map(URI::create).toList();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        String expect = System.getProperty("drain.expect");
        String expectedTopic = expect == null ? null : expect.substring(0, expect.lastIndexOf(':'));
        long expectedRecords = expect == null ? 0 : Long.parseLong(expect.substring(expect.lastIndexOf(':') + 1));
        try (Admin admin = Admin.create(properties)) {
            lag(admin);
            long baseline = expectedTopic == null ? 0 : endOffsets(admin, expectedTopic);
            // the script sends its load only now: records appended before the baseline would never be counted
            Files.writeString(Path.of(trigger + ".ready"), Long.toString(baseline));
            while (!Files.exists(trigger)) {
                Thread.sleep(50);
            }
            long since = Long.parseLong(Files.readString(trigger).trim());
            long deadline = since + timeout;
            boolean onKafka = false;
            while (true) {
                double pending = 0;
                for (URI uri : metrics) {
                    pending += outboxPending(http, uri);
                }
                long lag = lag(admin);
                long appended = expectedTopic == null ? 0 : endOffsets(admin, expectedTopic) - baseline;
                long now = System.currentTimeMillis();
                if (expectedTopic != null && !onKafka && pending == 0 && appended >= expectedRecords) {
                    onKafka = true;
                    System.out.printf("KAFKA %.1f%n", (now - since) / 1000.0);
                }
                if (pending == 0 && lag == 0 && appended >= expectedRecords) {
                    System.out.printf("DRAIN %.1f%n", (now - since) / 1000.0);
                    return;
                }
                if (now > deadline) {
                    System.out.printf("DRAIN timeout outbox-pending=%.0f consumer-lag=%d appended=%d/%d %s%n", pending,
                            lag, appended, expectedRecords, lagging);
                    System.exit(1);
                }
                System.err.printf("waiting: outbox-pending=%.0f consumer-lag=%d appended=%d/%d %s%n", pending, lag,
                        appended, expectedRecords, lagging);
                Thread.sleep(200);
            }
        }
    }

    private static double outboxPending(HttpClient http, URI uri) throws Exception {
        String body = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return body.lines().filter(line -> line.startsWith("bwu_outbox_pending"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                // NaN while a service cannot read its outbox: not drained
                .map(value -> Double.isNaN(value) ? Double.POSITIVE_INFINITY : value).sum();
    }

    /** The sum of the topic's end offsets (0 while it does not exist yet). */
    private static long endOffsets(Admin admin, String topic) throws Exception {
        if (!admin.listTopics().names().get().contains(topic)) {
            return 0;
        }
        Map<TopicPartition, OffsetSpec> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get()
                .get(topic).partitions().stream()
                .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
        return admin.listOffsets(partitions).all().get().values().stream().mapToLong(ListOffsetsResultInfo::offset)
                .sum();
    }

    /**
     * Records not committed yet, over every group and every partition it has committed on or is assigned (a
     * partition assigned but never committed counts from its start).
     */
    private static long lag(Admin admin) throws Exception {
        List<String> groups = admin.listGroups(ListGroupsOptions.forConsumerGroups()).all().get().stream()
                .map(GroupListing::groupId).toList();
        Map<String, ConsumerGroupDescription> descriptions = admin.describeConsumerGroups(groups).all().get();
        long lag = 0;
        lagging.clear();
        for (String group : groups) {
            long groupLag = 0;
            Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>(admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get());
            descriptions.get(group).members().forEach(member -> member.assignment().topicPartitions()
                    .forEach(partition -> committed.putIfAbsent(partition, null)));
            if (committed.isEmpty()) {
                continue;
            }
            Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(committed.keySet().stream()
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get();
            for (var entry : committed.entrySet()) {
                long end = ends.get(entry.getKey()).offset();
                groupLag += entry.getValue() == null ? end : Math.max(0, end - entry.getValue().offset());
            }
            if (groupLag > 0) {
                lagging.put(group, groupLag);
            }
            lag += groupLag;
        }
        return lag;
    }
}
