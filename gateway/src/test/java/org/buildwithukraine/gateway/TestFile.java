package org.buildwithukraine.gateway;

import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A file of any size that is never held whole: byte i is a function of the seed and i, so that a client and a stub
 * backend produce and check the same bytes chunk by chunk.
 */
record TestFile(String name, long size, long seed) {

    /** The bytes from {@code offset}, at most {@code length} of them. */
    byte[] chunk(long offset, int length) {
        byte[] chunk = new byte[(int) Math.min(length, size - offset)];
        for (int i = 0; i < chunk.length; i++) {
            chunk[i] = at(offset + i);
        }
        return chunk;
    }

    /** The whole file as a stream; {@code sent} counts the bytes read from it so far. */
    InputStream open(AtomicLong sent) {
        return new InputStream() {
            private long position;

            @Override
            public int read() {
                if (position >= size) {
                    return -1;
                }
                sent.incrementAndGet();
                return at(position++) & 0xff;
            }

            @Override
            public int read(byte[] into, int offset, int length) {
                if (position >= size) {
                    return -1;
                }
                byte[] chunk = chunk(position, length);
                System.arraycopy(chunk, 0, into, offset, chunk.length);
                position += chunk.length;
                sent.addAndGet(chunk.length);
                return chunk.length;
            }
        };
    }

    byte[] digest() {
        MessageDigest sha256 = sha256();
        for (long offset = 0; offset < size; offset += 1 << 20) {
            sha256.update(chunk(offset, 1 << 20));
        }
        return sha256.digest();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte at(long index) {
        // SplitMix64's finaliser over the 8-byte word holding the index
        long z = seed + (index >>> 3) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (byte) (z >>> ((index & 7) * 8));
    }
}
