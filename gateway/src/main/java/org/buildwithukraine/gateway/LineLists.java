package org.buildwithukraine.gateway;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.vertx.core.json.JsonArray;

/**
 * How the regions' answers to {@code GET /api/lines} become one. Each region orders its lines by id and all of a
 * region's ids share its prefix, so the network's lines in id order are the regions' lines one region after the
 * other, regions in prefix order. A page of the network is therefore a run of consecutive rows across the
 * regions: {@link #plan} says which rows of which region page make it up.
 */
public final class LineLists {

    private static final Comparator<Object> BY_ID = Comparator.comparing(LineLists::id,
            Comparator.nullsLast(Comparator.naturalOrder()));

    private LineLists() {
    }

    /**
     * The rows of network page {@code page} (of {@code size} lines) given each region's total, regions in order.
     * A region's rows come from its own pages of the same size; a network page needs at most two of them.
     */
    public static List<Slice> plan(long[] totals, int page, int size) {
        List<Slice> slices = new ArrayList<>();
        long start = (long) page * size;
        long end = start + size;
        long regionStart = 0;
        for (int region = 0; region < totals.length; region++) {
            long from = Math.max(start - regionStart, 0);
            long to = Math.min(end - regionStart, totals[region]);
            for (long regionPage = from / size; from < to && regionPage <= (to - 1) / size; regionPage++) {
                long pageStart = regionPage * size;
                slices.add(new Slice(region, (int) regionPage, (int) Math.max(from - pageStart, 0),
                        (int) Math.min(to - pageStart, size)));
            }
            regionStart += totals[region];
        }
        return slices;
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive) of page {@code regionPage} of region {@code region}. */
    public record Slice(int region, int regionPage, int from, int to) {
    }

    /** Lists of lines from regions that do not page, as one list ordered by id. */
    public static JsonArray concat(List<JsonArray> lists) {
        List<Object> lines = new ArrayList<>();
        lists.forEach(list -> list.forEach(lines::add));
        lines.sort(BY_ID);
        return new JsonArray(lines);
    }

    private static String id(Object line) {
        return line instanceof io.vertx.core.json.JsonObject object && object.getValue("id") instanceof String id
                ? id : null;
    }
}
