package org.buildwithukraine.routing.order.rest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.zip.GZIPInputStream;

import jakarta.enterprise.context.ApplicationScoped;

import org.buildwithukraine.routing.order.CustomerOrder;
import org.buildwithukraine.routing.order.PlacedPart;
import org.buildwithukraine.routing.order.RoutingDecisionRecord;
import org.buildwithukraine.routing.order.WithdrawnPart;
import org.buildwithukraine.routing.order.service.OrderService;

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

    private final OrderService orders;
    private final ObjectReader storedJson;

    public OrderViews(OrderService orders, ObjectMapper objectMapper) {
        this.orders = orders;
        this.storedJson = objectMapper.reader().without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public OrderResponse of(CustomerOrder o) {
        RoutingDecisionRecord latest = orders.latestDecision(o.id());
        return new OrderResponse(o.id(), o.customerClass(), o.customer(), o.technologyCode(), o.quantity(),
                o.neededBy(), o.destinationCountry(), o.exportCentreId(), o.state(), o.reason(), o.allocated(),
                o.produced(), o.unplaced(), o.receivedAt(), o.receivedBy(),
                orders.allocations(o.id()).stream().map(AllocationResponse::of).toList(),
                latest == null ? null : decision(latest));
    }

    public DecisionResponse decision(RoutingDecisionRecord d) {
        return new DecisionResponse(d.id, d.decidedAt, d.trigger, d.state, d.summary,
                candidates(d),
                read(d.placed, new TypeReference<List<PlacedPart>>() { }),
                read(d.withdrawn, new TypeReference<List<WithdrawnPart>>() { }));
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
