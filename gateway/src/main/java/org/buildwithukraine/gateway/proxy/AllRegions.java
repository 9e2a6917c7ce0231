package org.buildwithukraine.gateway.proxy;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.buildwithukraine.gateway.LineLists;
import org.buildwithukraine.gateway.proxy.Backends.Backend;
import org.buildwithukraine.gateway.proxy.Forwarder.Answer;
import org.buildwithukraine.gateway.proxy.Forwarder.BackendFailure;

import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * {@code GET /api/lines}: the same request (filters included) to every region at once, the answers merged. A
 * region that does not answer fails the whole answer with a problem naming it, so that nobody mistakes a partial
 * list for the network's lines.
 */
@ApplicationScoped
public class AllRegions {

    private final Backends backends;
    private final Forwarder forwarder;

    public AllRegions(Backends backends, Forwarder forwarder) {
        this.backends = backends;
        this.forwarder = forwarder;
    }

    void listLines(Exchange exchange) {
        exchange.backend = "all-regions";
        List<Backend> regions = backends.regions();
        List<Future<Answer>> calls = new ArrayList<>(regions.size());
        for (Backend region : regions) {
            calls.add(forwarder.call(exchange, region));
        }
        Future.join(calls).onComplete(joined -> answer(exchange, regions, calls));
    }

    private static void answer(Exchange exchange, List<Backend> regions, List<Future<Answer>> calls) {
        List<Object> lines = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        int failureStatus = 0;
        Answer refusal = null;
        for (int i = 0; i < regions.size(); i++) {
            Backend region = regions.get(i);
            Future<Answer> call = calls.get(i);
            int status;
            String reason;
            if (call.failed()) {
                status = call.cause() instanceof BackendFailure failure ? failure.status : 502;
                reason = call.cause().getMessage();
            } else if (call.result().status() >= 500) {
                status = 502;
                reason = "The " + region.description() + " answered " + call.result().status();
            } else if (call.result().status() >= 300) {
                // the caller's request is at fault (or its token): every region would say the same
                refusal = refusal == null ? call.result() : refusal;
                continue;
            } else {
                try {
                    lines.add(Json.decodeValue(call.result().body()));
                    continue;
                } catch (DecodeException e) {
                    status = 502;
                    reason = "The " + region.description() + " answered no JSON";
                }
            }
            missing.add(region.name());
            reasons.add(reason);
            // unavailable outweighs timed out outweighs answered wrongly
            failureStatus = failureStatus == 503 || status == 503 ? 503 : failureStatus == 504 || status == 504 ? 504 : 502;
        }
        if (refusal != null) {
            exchange.response.setStatusCode(refusal.status());
            if (refusal.contentType() != null) {
                exchange.response.putHeader(HttpHeaders.CONTENT_TYPE, refusal.contentType());
            }
            exchange.response.end(refusal.body());
            return;
        }
        if (!missing.isEmpty()) {
            exchange.problem(failureStatus, "Regions missing", "The lines of region(s) " + String.join(", ", missing)
                            + " could not be read, so no list is given: " + String.join("; ", reasons),
                    new JsonObject().put("missingRegions", new JsonArray(missing)));
            return;
        }
        Object merged;
        try {
            merged = LineLists.merge(lines);
        } catch (IllegalArgumentException e) {
            exchange.problem(502, "Bad gateway", e.getMessage());
            return;
        }
        exchange.response.putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(Json.encodeToBuffer(merged));
    }
}
