package org.buildwithukraine.licence.techdata;

/** Revision letters of a technology's releases in the order they were created: A … Z, then AA, AB, …. */
public final class Revision {

    private Revision() {
    }

    /** The letters of the {@code sequence}-th revision, counting from 1. */
    public static String letters(int sequence) {
        if (sequence < 1) {
            throw new IllegalArgumentException("Revisions count from 1, not " + sequence);
        }
        StringBuilder letters = new StringBuilder();
        for (int rest = sequence; rest > 0; rest = (rest - 1) / 26) {
            letters.append((char) ('A' + (rest - 1) % 26));
        }
        return letters.reverse().toString();
    }
}
