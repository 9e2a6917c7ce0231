package org.buildwithukraine.line.rest;

import java.time.Instant;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

import org.buildwithukraine.events.line.DowntimeReason;
import org.buildwithukraine.events.line.LineState;
import org.buildwithukraine.kit.validation.OneOf;

/** @param goodUnits good units made since the line's previous report (likewise scrapUnits) */
public record StatusReportRequest(
        @NotNull @Pattern(regexp = Formats.REPORT_ID, message = Formats.REPORT_ID_MESSAGE) String reportId,
        @NotNull Instant observedAt,
        @NotNull @OneOf(LineState.class) String state,
        @OneOf(DowntimeReason.class) String reason,
        @NotNull @PositiveOrZero @Max(10_000_000) Long goodUnits,
        @NotNull @PositiveOrZero @Max(10_000_000) Long scrapUnits) {

    /** Why a line is down is what the router explains its decisions with; any other state has no reason. */
    @AssertTrue(message = "is required when the state is DOWN, and only then")
    public boolean isReason() {
        boolean down = LineState.DOWN.name().equals(state);
        boolean given = reason != null && !reason.isBlank();
        return state == null || down == given;
    }
}
