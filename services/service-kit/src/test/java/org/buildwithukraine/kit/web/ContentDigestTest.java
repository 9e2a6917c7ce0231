package org.buildwithukraine.kit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContentDigestTest {

    private static final byte[] DIGEST = sha256("hello");
    private static final String BASE64 = Base64.getEncoder().encodeToString(DIGEST);

    @Test
    void theSha256MemberIsReadWhereverItStandsAndWhateverElseIsListed() {
        assertThat(ContentDigest.sha256("sha-256=:" + BASE64 + ":")).hasValue(DIGEST);
        assertThat(ContentDigest.sha256("sha-512=:AAAA:, sha-256=:" + BASE64 + ":")).hasValue(DIGEST);
        assertThat(ContentDigest.sha256("  sha-256 = :" + BASE64 + ":;x=1 ,md5=:AAAA:")).hasValue(DIGEST);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "  ", "sha-256", "sha-256=", "sha-256=abc", "sha-256=:not base64!:",
            "sha-256=:AAAA:", "SHA-256=:x:", "sha-512=:AAAA:", "sha-256=:" + "QUJD" + ":garbage", "=,=" })
    void anythingElseNamesNoDigest(String header) {
        assertThat(ContentDigest.sha256(header)).isEmpty();
    }

    @Test
    void nullNamesNoDigest() {
        assertThat(ContentDigest.sha256(null)).isEmpty();
    }

    @Test
    void aDigestIsWrittenAsItIsRead() {
        String header = ContentDigest.ofSha256(DIGEST);
        assertThat(header).isEqualTo("sha-256=:" + BASE64 + ":");
        assertThat(ContentDigest.sha256(header)).hasValue(DIGEST);
        assertThatThrownBy(() -> ContentDigest.ofSha256(new byte[3])).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
