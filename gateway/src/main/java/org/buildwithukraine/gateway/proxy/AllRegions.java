package org.buildwithukraine.gateway.proxy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.buildwithukraine.gateway.LineLists;
import org.buildwithukraine.gateway.LineLists.Slice;
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
 * {@code GET /api/lines}: the caller's request (filters, page, size) to every region at once, the answers merged
 * into one page of the network's lines in id order, its total counting every region. When the page reaches into
 * a region's other pages, those are fetched in a second round. A region that does not answer fails the whole
 * answer with a problem naming it, so that nobody mistakes a partial list for the network's lines.
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
            calls.add(forwarder.call(exchange, region, exchange.uri()));
        }
        Future.join(calls).onComplete(joined -> {
            List<Object> answers = bodies(exchange, regions, calls);
            if (answers != null) {
                merge(exchange, regions, answers);
            }
        });
    }

    private void merge(Exchange exchange, List<Backend> regions, List<Object> answers) {
        if (!answers.stream().allMatch(AllRegions::isPage)) {
            if (answers.stream().allMatch(JsonArray.class::isInstance)) {
                respond(exchange, LineLists.concat(answers.stream().map(JsonArray.class::cast).toList()));
            } else {
                exchange.problem(502, "Bad gateway", "A region answered neither a list nor a page of lines");
            }
            return;
        }
        // the regions answer the page and size they applied, defaults included
        JsonObject first = (JsonObject) answers.get(0);
        int page = first.getInteger("page");
        int size = first.getInteger("size");
        long[] totals = answers.stream().mapToLong(answer -> ((JsonObject) answer).getLong("total")).toArray();
        List<Slice> plan = LineLists.plan(totals, page, size);

        Map<Slice, Future<Answer>> otherPages = new LinkedHashMap<>();
        for (Slice slice : plan) {
            if (slice.regionPage() != page) {
                otherPages.put(slice, forwarder.call(exchange, regions.get(slice.region()),
                        withPage(exchange.uri(), slice.regionPage())));
            }
        }
        if (otherPages.isEmpty()) {
            respond(exchange, page(plan, answers, Map.of(), page, size, totals));
            return;
        }
        List<Backend> asked = otherPages.keySet().stream().map(slice -> regions.get(slice.region())).toList();
        List<Future<Answer>> calls = new ArrayList<>(otherPages.values());
        Future.join(calls).onComplete(joined -> {
            List<Object> bodies = bodies(exchange, asked, calls);
            if (bodies == null) {
                return;
            }
            Map<Slice, JsonObject> fetched = new LinkedHashMap<>();
            int i = 0;
            for (Slice slice : otherPages.keySet()) {
                if (!(bodies.get(i++) instanceof JsonObject regionPage) || !isPage(regionPage)) {
                    exchange.problem(502, "Bad gateway", "A region answered no page of lines");
                    return;
                }
                fetched.put(slice, regionPage);
            }
            respond(exchange, page(plan, answers, fetched, page, size, totals));
        });
    }

    private static JsonObject page(List<Slice> plan, List<Object> firstAnswers, Map<Slice, JsonObject> otherPages,
            int page, int size, long[] totals) {
        JsonArray items = new JsonArray();
        for (Slice slice : plan) {
            JsonObject regionPage = slice.regionPage() == page ? (JsonObject) firstAnswers.get(slice.region())
                    : otherPages.get(slice);
            JsonArray rows = regionPage.getJsonArray("items");
            for (int row = slice.from(); row < Math.min(slice.to(), rows.size()); row++) {
                items.add(rows.getValue(row));
            }
        }
        long total = 0;
        for (long regionTotal : totals) {
            total += regionTotal;
        }
        return new JsonObject().put("items", items).put("page", page).put("size", size).put("total", total);
    }

    /**
     * The parsed answers, or null when the caller has been answered already: with the first refusal of a region
     * (the caller's request or token is at fault, every region would say the same), else with a problem naming
     * each region that failed.
     */
    private static List<Object> bodies(Exchange exchange, List<Backend> asked, List<Future<Answer>> calls) {
        List<Object> bodies = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        int failureStatus = 0;
        for (int i = 0; i < calls.size(); i++) {
            Backend region = asked.get(i);
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
                passOn(exchange, call.result());
                return null;
            } else {
                try {
                    bodies.add(Json.decodeValue(call.result().body()));
                    continue;
                } catch (DecodeException e) {
                    status = 502;
                    reason = "The " + region.description() + " answered no JSON";
                }
            }
            if (!missing.contains(region.name())) {
                missing.add(region.name());
                reasons.add(reason);
            }
            // unavailable outweighs timed out outweighs answered wrongly
            failureStatus = failureStatus == 503 || status == 503 ? 503
                    : failureStatus == 504 || status == 504 ? 504 : 502;
        }
        if (missing.isEmpty()) {
            return bodies;
        }
        exchange.problem(failureStatus, "Regions missing", "The lines of region(s) " + String.join(", ", missing)
                + " could not be read, so no list is given: " + String.join("; ", reasons),
                new JsonObject().put("missingRegions", new JsonArray(missing)));
        return null;
    }

    private static void passOn(Exchange exchange, Answer refusal) {
        exchange.response.setStatusCode(refusal.status());
        if (refusal.contentType() != null) {
            exchange.response.putHeader(HttpHeaders.CONTENT_TYPE, refusal.contentType());
        }
        exchange.response.end(refusal.body());
    }

    private static void respond(Exchange exchange, Object merged) {
        exchange.response.putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(Json.encodeToBuffer(merged));
    }

    private static boolean isPage(Object answer) {
        return answer instanceof JsonObject page && page.getValue("items") instanceof JsonArray
                && page.getValue("page") instanceof Number && page.getValue("size") instanceof Number
                && page.getValue("total") instanceof Number;
    }

    /** The same request for another page: the caller's other parameters unchanged. */
    static String withPage(String uri, int page) {
        int query = uri.indexOf('?');
        StringBuilder result = new StringBuilder(query < 0 ? uri : uri.substring(0, query)).append('?');
        if (query >= 0) {
            for (String parameter : uri.substring(query + 1).split("&")) {
                if (!parameter.isEmpty() && !parameter.startsWith("page=") && !parameter.equals("page")) {
                    result.append(parameter).append('&');
                }
            }
        }
        return result.append("page=").append(page).toString();
    }
}
