package org.buildwithukraine.kit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.buildwithukraine.kit.problem.Problem.FieldError;
import org.buildwithukraine.kit.problem.ProblemException;
import org.junit.jupiter.api.Test;

class PageRequestTest {

    @Test
    void theOffsetIsPageTimesSizeUpToTheBound() {
        assertThat(new PageRequest(0, 20).offset()).isZero();
        assertThat(new PageRequest(3, 20).offset()).isEqualTo(60);
        assertThat(new PageRequest(100, 100).offset()).isEqualTo(PageRequest.MAX_OFFSET);
    }

    @Test
    void pagesPastTheBoundAreRefusedNamingPageWithoutOverflowing() {
        for (int[] slice : new int[][] { { 101, 100 }, { 21_474_837, 100 }, { Integer.MAX_VALUE, Integer.MAX_VALUE },
                { 1, PageRequest.MAX_OFFSET + 1 } }) {
            assertThatThrownBy(() -> new PageRequest(slice[0], slice[1])).isInstanceOfSatisfying(
                    ProblemException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.errors()).extracting(FieldError::field).containsExactly("page");
                    });
        }
    }

    @Test
    void negativePagesAndEmptySizesAreRefusedByName() {
        assertThatThrownBy(() -> new PageRequest(-1, 0)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("page", "size"));
    }

    @Test
    void anEmptyPageKeepsTheSliceAsked() {
        Page<String> empty = new PageRequest(2, 10).empty();
        assertThat(empty.items()).isEmpty();
        assertThat(empty.page()).isEqualTo(2);
        assertThat(empty.size()).isEqualTo(10);
        assertThat(empty.total()).isZero();
    }
}
