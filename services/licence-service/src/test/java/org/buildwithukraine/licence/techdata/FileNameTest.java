package org.buildwithukraine.licence.techdata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileNameTest {

    @ParameterizedTest
    @ValueSource(strings = { "drawing.pdf", "bom.txt", "a", "_", "-x", "Assembly_Rev-B.v2.tar.gz", "README" })
    void lettersDigitsDotsDashesAndUnderscores(String name) {
        assertThat(FileName.isValid(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", ".hidden", "..", ".", "a b", "a/b", "a\\b", "ä.pdf", "a;b", "a\"b", "a%2Fb",
            "a\nb", "файл.pdf" })
    void nothingElseAndNoLeadingDot(String name) {
        assertThat(FileName.isValid(name)).as(name).isFalse();
    }

    @Test
    void upToTwoHundredCharacters() {
        assertThat(FileName.isValid("x".repeat(200))).isTrue();
        assertThat(FileName.isValid("x".repeat(201))).isFalse();
        assertThat(FileName.isValid(null)).isFalse();
    }
}
