package org.buildwithukraine.kit.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequiredFieldsTest {

    @Test
    void namesEveryAbsentFieldInOrderAndNoPresentOne() {
        assertThat(RequiredFields.of().field("kind", null).field("name", "n").field("status", null).missing())
                .containsExactly("kind", "status");
        assertThat(RequiredFields.of().field("name", "").missing()).isEmpty();
    }
}
