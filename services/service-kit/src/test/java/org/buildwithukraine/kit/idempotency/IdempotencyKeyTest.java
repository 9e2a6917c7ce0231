package org.buildwithukraine.kit.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.buildwithukraine.kit.problem.Problem.FieldError;
import org.buildwithukraine.kit.problem.ProblemException;
import org.junit.jupiter.api.Test;

class IdempotencyKeyTest {

    @Test
    void aKeyIsOneToTwoHundredVisibleAsciiCharacters() {
        String uuid = UUID.randomUUID().toString();
        assertThat(IdempotencyKey.required(uuid)).isEqualTo(new IdempotencyKey(IdempotencyKey.HEADER, uuid));
        assertThat(IdempotencyKey.required("x".repeat(200)).value()).hasSize(200);
        assertThat(IdempotencyKey.required("e2e:draft_1.A~!").value()).isEqualTo("e2e:draft_1.A~!");
    }

    @Test
    void aMalformedKeyIsA400NamingTheHeader() {
        for (String malformed : new String[] { "", " ", "x".repeat(201), "two words", "tab\tkey", "ключ", "end\n" }) {
            assertThatThrownBy(() -> IdempotencyKey.optional(malformed)).as(malformed)
                    .isInstanceOfSatisfying(ProblemException.class, problem -> {
                        assertThat(problem.status()).isEqualTo(400);
                        assertThat(problem.errors()).extracting(FieldError::field)
                                .containsExactly(IdempotencyKey.HEADER);
                    });
        }
    }

    @Test
    void aMissingKeyIsA400WhereRequiredAndNothingWhereOptional() {
        assertThatThrownBy(() -> IdempotencyKey.required(null))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.status()).isEqualTo(400);
                    assertThat(problem.errors()).extracting(FieldError::field).containsExactly(IdempotencyKey.HEADER);
                    assertThat(problem.errors().get(0).message()).startsWith("is required");
                });
        assertThat(IdempotencyKey.optional(null)).isEmpty();
    }

    @Test
    void aKeyReusedForAnotherRequestIsA409NamingIt() {
        ProblemException header = IdempotencyKey.required("k-1").reusedForAnotherRequest();
        assertThat(header.status()).isEqualTo(409);
        assertThat(header.getMessage()).startsWith("Idempotency-Key k-1 was already used for a different request");

        ProblemException field = IdempotencyKey.of("reportId", "mes-4711").reusedForAnotherRequest();
        assertThat(field.status()).isEqualTo(409);
        assertThat(field.getMessage()).startsWith("reportId mes-4711 was already used for a different request");
    }

    @Test
    void aKeyInTheBodyMayBeSentAsTheHeaderToo() {
        assertThat(IdempotencyKey.inBody(null, "reportId", "r-1")).isEqualTo(new IdempotencyKey("reportId", "r-1"));
        assertThat(IdempotencyKey.inBody("r-1", "reportId", "r-1")).isEqualTo(new IdempotencyKey("reportId", "r-1"));
        assertThatThrownBy(() -> IdempotencyKey.inBody("r-2", "reportId", "r-1"))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.status()).isEqualTo(400);
                    assertThat(problem.errors()).extracting(FieldError::field).containsExactly(IdempotencyKey.HEADER);
                });
    }
}
