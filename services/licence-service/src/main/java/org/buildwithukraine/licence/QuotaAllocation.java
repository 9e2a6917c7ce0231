package org.buildwithukraine.licence;

import java.util.ArrayList;
import java.util.List;

/**
 * Charges the good units of one output report to the licences that cover it. The licences are given in the
 * order they should be used (the one that lapses first first); each takes what its remaining quota allows and
 * the rest spills over to the next. Units no licence can take are unlicensed. No licence is charged beyond its
 * cap and, in all, never more than was reported.
 */
public final class QuotaAllocation {

    private QuotaAllocation() {
    }

    /** A licence that may be charged: its cap and what it has consumed so far. */
    public record Headroom(String licenceId, long quantityCap, long unitsConsumed) {

        public Headroom {
            if (quantityCap <= 0 || unitsConsumed < 0 || unitsConsumed > quantityCap) {
                throw new IllegalArgumentException("Inconsistent quota of " + licenceId + ": " + unitsConsumed
                        + " of " + quantityCap);
            }
        }

        long remaining() {
            return quantityCap - unitsConsumed;
        }
    }

    /**
     * @param consumedAfter units consumed by the licence once this charge is applied
     * @param exhausts      true when the charge uses up the licence's quota
     */
    public record Charge(String licenceId, long units, long consumedAfter, boolean exhausts) {
    }

    public record Result(List<Charge> charges, long unlicensed) {
    }

    public static Result distribute(long goodUnits, List<Headroom> licencesInOrderOfUse) {
        if (goodUnits < 0) {
            throw new IllegalArgumentException("Good units cannot be negative: " + goodUnits);
        }
        long left = goodUnits;
        List<Charge> charges = new ArrayList<>();
        for (Headroom licence : licencesInOrderOfUse) {
            if (left == 0) {
                break;
            }
            long units = Math.min(left, licence.remaining());
            if (units == 0) {
                continue;
            }
            long after = licence.unitsConsumed() + units;
            charges.add(new Charge(licence.licenceId(), units, after, after == licence.quantityCap()));
            left -= units;
        }
        return new Result(List.copyOf(charges), left);
    }
}
