package org.buildwithukraine.line.rest;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A batch of status reports. The items are read one by one ({@link StatusReportBatchItem}), so that one malformed
 * item is refused on its own; the batch itself is refused only when it is not this shape, empty or too long.
 */
public record StatusReportBatchRequest(
        @Schema(type = SchemaType.ARRAY, implementation = StatusReportBatchItem.class, description = "Each item is "
                + "read on its own: one that is not an item is refused in its result, not the batch")
        @NotNull @Size(min = 1, max = MAX_ITEMS, message = "must hold 1 to " + MAX_ITEMS + " reports")
        List<JsonNode> reports) {

    /** About 200 bytes an item, 100 KB a batch: well inside the 1 MiB body limit of the gateway and the service. */
    public static final int MAX_ITEMS = 500;
}
