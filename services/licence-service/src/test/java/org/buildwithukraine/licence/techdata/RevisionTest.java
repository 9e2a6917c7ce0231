package org.buildwithukraine.licence.techdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RevisionTest {

    @Test
    void lettersRunFromAToZThenOnWithTwoLetters() {
        assertThat(Revision.letters(1)).isEqualTo("A");
        assertThat(Revision.letters(2)).isEqualTo("B");
        assertThat(Revision.letters(26)).isEqualTo("Z");
        assertThat(Revision.letters(27)).isEqualTo("AA");
        assertThat(Revision.letters(52)).isEqualTo("AZ");
        assertThat(Revision.letters(53)).isEqualTo("BA");
        assertThat(Revision.letters(702)).isEqualTo("ZZ");
        assertThat(Revision.letters(703)).isEqualTo("AAA");
    }

    @Test
    void everySequenceHasLettersOfItsOwn() {
        Set<String> seen = new HashSet<>();
        for (int sequence = 1; sequence <= 20_000; sequence++) {
            assertThat(seen.add(Revision.letters(sequence))).as("sequence %d", sequence).isTrue();
        }
    }

    @Test
    void thereIsNoRevisionBeforeTheFirst() {
        assertThatThrownBy(() -> Revision.letters(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
