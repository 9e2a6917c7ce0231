package org.buildwithukraine.licence.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.buildwithukraine.testsupport.TestKafka;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The quota ledger's channel runs {@code bwu.messaging.concurrency} consumers in its group, each given partitions of
 * line.output: one consumer would apply the events of every line one after the other, each waiting on its commit.
 */
@QuarkusTest
class ConsumersPerChannelTest {

    private static final String GROUP = "licence-service.line-output";

    @ConfigProperty(name = "bwu.messaging.concurrency")
    int concurrency;

    @Test
    void lineOutputIsTakenBySeveralConsumersOfOneGroupEachWithPartitionsOfItsOwn() {
        assertThat(concurrency).as("consumers per busy channel").isGreaterThan(1);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafka.bootstrapServers()))) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GROUP)).all().get().get(GROUP);
                assertThat(group.members()).hasSize(concurrency).allSatisfy(member ->
                        assertThat(member.assignment().topicPartitions()).as(member.clientId()).isNotEmpty());
            });
        }
    }
}
