package org.buildwithukraine.routing.order.rest;

import java.time.Instant;
import java.util.List;

import org.buildwithukraine.events.order.OrderState;
import org.buildwithukraine.routing.order.PlacedPart;
import org.buildwithukraine.routing.order.WithdrawnPart;

/**
 * One routing decision about an order.
 *
 * @param trigger    what set it off: the order arriving, a line going down, a licence suspended, ...
 * @param state      the order's state right after it
 * @param candidates every line building the order's technology, with why it was chosen or passed over
 */
public record DecisionResponse(long id, Instant decidedAt, String trigger, OrderState state, String summary,
        List<CandidateResponse> candidates, List<PlacedPart> placed, List<WithdrawnPart> withdrawn) {
}
