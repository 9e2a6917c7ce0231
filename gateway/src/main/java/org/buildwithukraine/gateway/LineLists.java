package org.buildwithukraine.gateway;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Merges the regions' answers to {@code GET /api/lines} into one. A region answers either a JSON array of lines
 * or a page ({@code items, page, size, total}); the merged answer has the shape of the answers (a page when any
 * region pages), lists every region's lines ordered by id, and a page's total counts the lines of all regions.
 */
public final class LineLists {

    private static final Comparator<Object> BY_ID = Comparator.comparing(LineLists::id,
            Comparator.nullsLast(Comparator.naturalOrder()));

    private LineLists() {
    }

    /** Each answer is a parsed JSON body; anything but an array or a page is refused. */
    public static Object merge(List<Object> answers) {
        List<Object> lines = new ArrayList<>();
        JsonObject firstPage = null;
        long total = 0;
        for (Object answer : answers) {
            if (answer instanceof JsonArray array) {
                array.forEach(lines::add);
                total += array.size();
            } else if (answer instanceof JsonObject page && page.getValue("items") instanceof JsonArray items) {
                items.forEach(lines::add);
                total += page.getValue("total") instanceof Number n ? n.longValue() : items.size();
                firstPage = firstPage == null ? page : firstPage;
            } else {
                throw new IllegalArgumentException("a region answered neither a list nor a page of lines");
            }
        }
        lines.sort(BY_ID);
        JsonArray merged = new JsonArray(lines);
        if (firstPage == null) {
            return merged;
        }
        return new JsonObject()
                .put("items", merged)
                .put("page", firstPage.getValue("page"))
                .put("size", firstPage.getValue("size"))
                .put("total", total);
    }

    private static String id(Object line) {
        return line instanceof JsonObject object && object.getValue("id") instanceof String id ? id : null;
    }
}
