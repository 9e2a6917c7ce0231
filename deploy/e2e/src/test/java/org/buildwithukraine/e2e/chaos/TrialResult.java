package org.buildwithukraine.e2e.chaos;

import java.util.List;
import java.util.Map;

/**
 * What one fault under load came to.
 *
 * @param sent         requests of the load while the fault ran (resends after recovery not counted)
 * @param acknowledged those answered 2xx
 * @param lost         acknowledged writes not found where they belong (a report not stored or not charged to the
 *                     licence, an order not stored)
 * @param doubled      writes found more than once
 * @param refusals     every answer that was no 2xx, by status ("503", "504", "no answer", "timed out", ...)
 * @param recovered    seconds from the component's restart until every stream of the load had a 2xx again
 *                     (negative: not within the time allowed)
 * @param drained      seconds from the end of the load until every outbox was empty and every consumer group had
 *                     caught up (negative: not within the time allowed)
 * @param violations   every expectation not met, in words
 */
record TrialResult(String fault, int sent, int acknowledged, int lost, int doubled, Map<String, Integer> refusals,
        double recovered, double drained, List<String> violations) {
}
