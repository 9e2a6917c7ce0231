package org.buildwithukraine.routing.order.rest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

import jakarta.enterprise.context.ApplicationScoped;

import org.buildwithukraine.routing.engine.Verdict;
import org.buildwithukraine.routing.order.CustomerOrder;
import org.buildwithukraine.routing.order.PlacedPart;
import org.buildwithukraine.routing.order.RoutingDecisionRecord;
import org.buildwithukraine.routing.order.WithdrawnPart;
import org.buildwithukraine.routing.order.service.OrderService;
import org.buildwithukraine.routing.order.service.RoutingConfig;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

/**
 * Orders and decisions as the API shows them. Stored decisions are read tolerantly: a record written by an earlier
 * version may carry a field this one no longer has, and must stay readable (the API's strict JSON is for clients).
 */
@ApplicationScoped
public class OrderViews {

    private static final String CHOSEN = Verdict.CHOSEN.name();

    private final OrderService orders;
    private final ObjectReader storedJson;
    private final int placementAnswerLines;

    public OrderViews(OrderService orders, ObjectMapper objectMapper, RoutingConfig config) {
        this.orders = orders;
        this.storedJson = objectMapper.reader().without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.placementAnswerLines = config.placementAnswerLines();
    }

    /** The order with its latest decision, every candidate line listed. */
    public OrderResponse of(CustomerOrder o) {
        return of(o, Integer.MAX_VALUE);
    }

    /** The answer to a placement: over more lines than configured, the decision lists only the chosen ones. */
    public OrderResponse placed(CustomerOrder o) {
        return of(o, placementAnswerLines);
    }

    private OrderResponse of(CustomerOrder o, int listedUpTo) {
        RoutingDecisionRecord latest = orders.latestDecision(o.id());
        return new OrderResponse(o.id(), o.customerClass(), o.customer(), o.technologyCode(), o.quantity(),
                o.neededBy(), o.destinationCountry(), o.exportCentreId(), o.state(), o.reason(), o.allocated(),
                o.produced(), o.unplaced(), o.receivedAt(), o.receivedBy(),
                orders.allocations(o.id()).stream().map(AllocationResponse::of).toList(),
                latest == null ? null : decision(latest, listedUpTo));
    }

    public DecisionResponse decision(RoutingDecisionRecord d) {
        return decision(d, Integer.MAX_VALUE);
    }

    private DecisionResponse decision(RoutingDecisionRecord d, int listedUpTo) {
        if (d.verdictCounts != null) {
            Map<String, Long> verdicts = read(d.verdictCounts, new TypeReference<TreeMap<String, Long>>() { });
            int count = (int) verdicts.values().stream().mapToLong(Long::longValue).sum();
            if (count > listedUpTo) {
                // the chosen ones only: the compressed candidates are not read at all
                return new DecisionResponse(d.id, d.decidedAt, d.trigger, d.state, d.summary, count, verdicts,
                        false, read(d.chosenCandidates, new TypeReference<List<CandidateResponse>>() { }),
                        placed(d), withdrawn(d));
            }
        }
        List<CandidateResponse> candidates = candidates(d);
        Map<String, Long> verdicts = candidates.stream()
                .collect(Collectors.groupingBy(CandidateResponse::verdict, TreeMap::new, Collectors.counting()));
        boolean complete = candidates.size() <= listedUpTo;
        List<CandidateResponse> listed = complete ? candidates
                : candidates.stream().filter(c -> CHOSEN.equals(c.verdict())).toList();
        return new DecisionResponse(d.id, d.decidedAt, d.trigger, d.state, d.summary, candidates.size(), verdicts,
                complete, listed, placed(d), withdrawn(d));
    }

    private List<PlacedPart> placed(RoutingDecisionRecord d) {
        return read(d.placed, new TypeReference<List<PlacedPart>>() { });
    }

    private List<WithdrawnPart> withdrawn(RoutingDecisionRecord d) {
        return read(d.withdrawn, new TypeReference<List<WithdrawnPart>>() { });
    }

    private List<CandidateResponse> candidates(RoutingDecisionRecord d) {
        TypeReference<List<CandidateResponse>> type = new TypeReference<>() { };
        if (d.candidatesGzip == null) {
            return read(d.candidates, type);
        }
        try (GZIPInputStream json = new GZIPInputStream(new ByteArrayInputStream(d.candidatesGzip))) {
            return storedJson.forType(type).readValue(json);
        } catch (IOException e) {
            throw new IllegalStateException("Stored routing decision is not readable", e);
        }
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return storedJson.forType(type).readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored routing decision is not readable", e);
        }
    }
}
