package org.buildwithukraine.kit.web;

import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code Content-Digest} header of RFC 9530 for SHA-256: a structured-field dictionary whose {@code sha-256}
 * member is the digest as a byte sequence, {@code sha-256=:<base64>:}. Other algorithms a sender lists beside it
 * are ignored.
 */
public final class ContentDigest {

    public static final String HEADER = "Content-Digest";

    private static final int SHA_256_BYTES = 32;
    private static final Pattern MEMBER = Pattern.compile("\\s*([a-z*][a-z0-9_.*-]*)\\s*(?:=\\s*([^,;]*))?"
            + "(?:;[^,]*)?\\s*");
    private static final Pattern BYTE_SEQUENCE = Pattern.compile(":([A-Za-z0-9+/]*={0,2}):");

    private ContentDigest() {
    }

    /** The SHA-256 the header names, or empty when it is malformed or names none. */
    public static Optional<byte[]> sha256(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        for (String member : header.split(",", -1)) {
            Matcher parsed = MEMBER.matcher(member);
            if (!parsed.matches()) {
                return Optional.empty();
            }
            if (!"sha-256".equals(parsed.group(1))) {
                continue;
            }
            Matcher value = BYTE_SEQUENCE.matcher(parsed.group(2) == null ? "" : parsed.group(2).strip());
            if (!value.matches()) {
                return Optional.empty();
            }
            try {
                byte[] digest = Base64.getDecoder().decode(value.group(1));
                return digest.length == SHA_256_BYTES ? Optional.of(digest) : Optional.empty();
            } catch (IllegalArgumentException notBase64) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The header's value for a SHA-256 digest. */
    public static String ofSha256(byte[] digest) {
        if (digest.length != SHA_256_BYTES) {
            throw new IllegalArgumentException("A SHA-256 digest has 32 bytes, not " + digest.length);
        }
        return "sha-256=:" + Base64.getEncoder().encodeToString(digest) + ":";
    }
}
