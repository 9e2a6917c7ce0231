package org.buildwithukraine.line;

import java.util.ArrayList;
import java.util.List;

/** Counts a report's good units towards the line's open allocations, oldest first, each up to what it lacks. */
public final class OutputAttribution {

    /** An open allocation and how many units it still needs. */
    public record Open(String allocationId, long remaining) {
    }

    public record Share(String allocationId, long units) {
    }

    /** @param unattributed good units no open allocation needed (surplus of the line) */
    public record Result(List<Share> shares, long unattributed) {
    }

    private OutputAttribution() {
    }

    public static Result attribute(long goodUnits, List<Open> oldestFirst) {
        if (goodUnits < 0) {
            throw new IllegalArgumentException("Good units cannot be negative: " + goodUnits);
        }
        long left = goodUnits;
        List<Share> shares = new ArrayList<>();
        for (Open open : oldestFirst) {
            if (left == 0) {
                break;
            }
            long units = Math.min(left, Math.max(0, open.remaining()));
            if (units > 0) {
                shares.add(new Share(open.allocationId(), units));
                left -= units;
            }
        }
        return new Result(List.copyOf(shares), left);
    }
}
