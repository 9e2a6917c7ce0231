package org.buildwithukraine.line.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** One report of a batch: the line, and the report exactly as the single endpoint takes it. */
public record StatusReportBatchItem(
        @NotNull @Pattern(regexp = Formats.LINE_ID, message = Formats.LINE_ID_MESSAGE) String lineId,
        @NotNull @Valid StatusReportRequest report) {
}
