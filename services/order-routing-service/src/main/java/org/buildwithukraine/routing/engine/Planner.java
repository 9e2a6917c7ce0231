package org.buildwithukraine.routing.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Rule 3 as arithmetic, without words: how many units of one order each eligible line builds under each of its
 * licences, and a reason code for every line and licence. One line if one can finish the whole order by its
 * needed-by date (the soonest such line); otherwise split so that all of it finishes as soon as possible. Each line
 * draws on its licences soonest-ending first, moves to the next when one's quota is used up or it ends, and builds
 * nothing under a licence after its last day; a licence's quota is shared by every line drawing on it.
 */
final class Planner {

    static final long DAY = 86_400L;

    /**
     * A line the order may use.
     *
     * @param ahead      units ranked before the order's new work on the line
     * @param room       units the line may still take for the order within the horizon
     * @param licences   the licences it may build the order under, soonest-ending first
     * @param licenceEnd seconds from now to the end of each licence's last day
     * @param quotaKey   each licence's index into the plan's quotas
     */
    record LineOption(Line line, int slot, long ahead, long room, List<Licence> licences, long[] licenceEnd,
            int[] quotaKey) {

        long rate() {
            return line.capacityPerDay();
        }

        long unitsBy(long seconds) {
            return Math.floorDiv(rate() * seconds, DAY);
        }

        long startSeconds() {
            return ceilDiv(ahead * DAY, rate());
        }

        long finishSeconds(long amount) {
            return ceilDiv((ahead + amount) * DAY, rate());
        }

        long lastEnd() {
            return licenceEnd[licenceEnd.length - 1];
        }
    }

    /** Why a line stopped drawing on a licence. */
    enum Stop {
        /** It had what it needed from the line. */
        ENOUGH,
        /** The line had no more room within the horizon. */
        ROOM,
        /** The licence ends before the line could build more under it. */
        ENDS,
        /** The licence's quota (for the order's class) was used up. */
        QUOTA,
        /** The chosen lines together finish the order by then. */
        TIME
    }

    /** Units of the order a line builds under one of its licences; amount 0 when it draws nothing on it. */
    record Part(int licence, long amount, Stop stop) {
    }

    /** Why a line was chosen. */
    enum Choice {
        SOONEST_ON_TIME, SOONEST_LATE, SPLIT_ON_TIME, SPLIT_LATE, TAKES_ALL_IT_CAN
    }

    /** Why an eligible line was not needed. */
    enum PassedOver {
        /** Another line finishes the whole order sooner. */
        FINISHES_LATER,
        /** It cannot take the whole order and another line can. */
        TOO_SMALL,
        /** The chosen lines use all unallocated quota of its licences. */
        QUOTA_TAKEN,
        /** It could start only when the chosen lines are done. */
        STARTS_AFTER,
        /** The chosen lines finish sooner. */
        OTHERS_SOONER
    }

    /**
     * @param parts      by option: what the line draws on each licence, in the order of its licences
     * @param placed     units placed in all
     * @param finish     seconds from now when the placed units are done
     * @param passedOver by option: why a line without parts was not needed, null for chosen lines
     * @param alone      by option: units the line could take on its own (for "it can take only")
     * @param single     the option chosen alone for the whole order, or -1 when split
     */
    record Plan(List<List<Part>> parts, long[] amounts, long placed, long wanted, long finish, boolean onTime,
            Choice choice, PassedOver[] passedOver, long[] alone, int single) {

        boolean meetsDate() {
            return placed == wanted && onTime;
        }
    }

    Plan plan(long wanted, long deadline, List<LineOption> options, long[] quotas) {
        int n = options.size();
        long[] alone = new long[n];
        int single = -1;
        long singleFinish = Long.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            LineOption option = options.get(i);
            alone[i] = draw(option, Long.MAX_VALUE, wanted, quotas.clone(), null);
            if (alone[i] >= wanted && option.finishSeconds(wanted) < singleFinish) {
                single = i;
                singleFinish = option.finishSeconds(wanted);
            }
        }
        if (single >= 0 && singleFinish <= deadline) {
            return alone(wanted, single, singleFinish, options, quotas, alone);
        }
        return split(wanted, deadline, options, quotas, alone);
    }

    private Plan alone(long wanted, int single, long finish, List<LineOption> options, long[] quotas, long[] alone) {
        int n = options.size();
        List<List<Part>> parts = emptyParts(n);
        long[] amounts = new long[n];
        amounts[single] = draw(options.get(single), Long.MAX_VALUE, wanted, quotas, parts.get(single));
        PassedOver[] passedOver = new PassedOver[n];
        for (int i = 0; i < n; i++) {
            if (i != single) {
                passedOver[i] = alone[i] >= wanted ? PassedOver.FINISHES_LATER : PassedOver.TOO_SMALL;
            }
        }
        return new Plan(parts, amounts, wanted, wanted, finish, true, Choice.SOONEST_ON_TIME, passedOver, alone,
                single);
    }

    private Plan split(long wanted, long deadline, List<LineOption> options, long[] quotas, long[] alone) {
        int n = options.size();
        List<Integer> byStart = new ArrayList<>();
        long latest = 0;
        for (int i = 0; i < n; i++) {
            byStart.add(i);
            LineOption option = options.get(i);
            latest = Math.max(latest, Math.min(option.lastEnd(), option.finishSeconds(option.room())));
        }
        byStart.sort(Comparator.comparingLong((Integer i) -> options.get(i).startSeconds())
                .thenComparing(i -> options.get(i).line().id()));
        long target = Math.min(wanted, reachableBy(latest, options, byStart, quotas));
        long low = 0;
        long high = latest;
        while (low < high) {
            long middle = (low + high) >>> 1;
            if (reachableBy(middle, options, byStart, quotas) >= target) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        long finishBy = low;
        List<List<Part>> parts = emptyParts(n);
        long[] amounts = new long[n];
        long remaining = target;
        int used = 0;
        long finish = 0;
        for (int i : byStart) {
            if (remaining == 0) {
                break;
            }
            LineOption option = options.get(i);
            amounts[i] = draw(option, finishBy, remaining, quotas, parts.get(i));
            if (amounts[i] > 0) {
                remaining -= amounts[i];
                used++;
                finish = Math.max(finish, option.finishSeconds(amounts[i]));
            } else {
                parts.get(i).clear();
            }
        }
        boolean onTime = finish <= deadline;
        Choice choice = target < wanted ? Choice.TAKES_ALL_IT_CAN
                : used > 1 ? (onTime ? Choice.SPLIT_ON_TIME : Choice.SPLIT_LATE)
                        : onTime ? Choice.SOONEST_ON_TIME : Choice.SOONEST_LATE;
        PassedOver[] passedOver = new PassedOver[n];
        for (int i = 0; i < n; i++) {
            if (amounts[i] > 0) {
                continue;
            }
            LineOption option = options.get(i);
            boolean quotaLeft = false;
            for (int key : option.quotaKey()) {
                quotaLeft |= quotas[key] > 0;
            }
            passedOver[i] = !quotaLeft ? PassedOver.QUOTA_TAKEN
                    : option.startSeconds() >= finishBy ? PassedOver.STARTS_AFTER : PassedOver.OTHERS_SOONER;
        }
        return new Plan(parts, amounts, target, wanted, finish, onTime, choice, passedOver, alone, -1);
    }

    /** Units the lines can finish together within {@code seconds}, each licence's quota shared by its lines. */
    private static long reachableBy(long seconds, List<LineOption> options, List<Integer> order, long[] quotas) {
        long[] left = quotas.clone();
        long total = 0;
        for (int i : order) {
            total += draw(options.get(i), seconds, Long.MAX_VALUE, left, null);
        }
        return total;
    }

    /**
     * What the line can build of the order within {@code seconds}, at most {@code limit}: licence after licence,
     * each up to its quota left and its end, the line's units in one run after the work ranked before. Takes the
     * quota it uses from {@code quotaLeft}; records each licence's part if {@code parts} is given.
     */
    private static long draw(LineOption option, long seconds, long limit, long[] quotaLeft, List<Part> parts) {
        long position = option.ahead();
        long room = option.room();
        long taken = 0;
        for (int k = 0; k < option.licences().size(); k++) {
            long until = Math.min(seconds, option.licenceEnd()[k]);
            long byTime = option.unitsBy(until) - position;
            int key = option.quotaKey()[k];
            long take = Math.max(0, Math.min(Math.min(byTime, quotaLeft[key]), Math.min(room, limit - taken)));
            Stop stop = take == limit - taken ? Stop.ENOUGH
                    : take == room ? Stop.ROOM
                            : take == byTime ? (until < option.licenceEnd()[k] ? Stop.TIME : Stop.ENDS)
                                    : byTime <= 0 ? Stop.ENDS : Stop.QUOTA;
            position += take;
            room -= take;
            taken += take;
            quotaLeft[key] -= take;
            if (parts != null) {
                parts.add(new Part(k, take, stop));
            }
        }
        return taken;
    }

    private static List<List<Part>> emptyParts(int n) {
        List<List<Part>> parts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            parts.add(new ArrayList<>());
        }
        return parts;
    }

    static long ceilDiv(long dividend, long divisor) {
        return -Math.floorDiv(-dividend, divisor);
    }
}
