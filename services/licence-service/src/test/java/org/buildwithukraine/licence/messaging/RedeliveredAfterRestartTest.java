package org.buildwithukraine.licence.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.buildwithukraine.licence.Fixtures.licenceOf;
import static org.buildwithukraine.licence.Fixtures.queryLong;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.UUID;

import org.buildwithukraine.events.Topics;
import org.buildwithukraine.testsupport.TestKafka;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The second boot of {@link GivenBackWhileStoppingTest}: the event given back at the stop comes again, once. */
@QuarkusTest
@TestProfile(GivenBackWhileStoppingTest.Phase2Restarted.class)
class RedeliveredAfterRestartTest {

    @Test
    void theOutputGivenBackAtTheStopIsCountedOnceAfterTheRestartAndNotParked() {
        String handedOver = System.getProperty(GivenBackWhileStoppingTest.HANDED_OVER);
        assertThat(handedOver).as("left by GivenBackWhileStoppingTest, the boot before this one").isNotNull();
        String[] output = handedOver.split(",");
        UUID eventId = UUID.fromString(output[0]);
        String licence = output[1];
        String line = output[2];

        await().atMost(Duration.ofSeconds(30))
                .until(() -> queryLong("select count(*) from quota_ledger where event_id = ?", eventId) == 1);
        licenceOf(licence).body("unitsConsumed", equalTo(8));
        assertThat(queryLong("select count(*) from processed_event where event_id = ?", eventId)).isEqualTo(1);
        assertThat(TestKafka.records(Topics.deadLetterOf(Topics.LINE_OUTPUT))).noneMatch(r -> line.equals(r.key()));
    }
}
