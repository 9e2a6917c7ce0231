package org.buildwithukraine.routing.order.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.buildwithukraine.events.order.OrderState;
import org.buildwithukraine.routing.order.PlacedPart;
import org.buildwithukraine.routing.order.WithdrawnPart;

/**
 * One routing decision about an order.
 *
 * @param trigger    what set it off: the order arriving, a line going down, a licence suspended, ...
 * @param state      the order's state right after it
 * @param candidateCount     the lines judged: every line building the order's technology
 * @param verdicts           how many of them got each verdict
 * @param candidatesComplete false where {@code candidates} lists only the chosen lines (the answer to a placement
 *                           over many lines); the order's decisions list them all
 * @param candidates         every line building the order's technology, with why it was chosen or passed over
 */
public record DecisionResponse(long id, Instant decidedAt, String trigger, OrderState state, String summary,
        int candidateCount, Map<String, Long> verdicts, boolean candidatesComplete,
        List<CandidateResponse> candidates, List<PlacedPart> placed, List<WithdrawnPart> withdrawn) {
}
