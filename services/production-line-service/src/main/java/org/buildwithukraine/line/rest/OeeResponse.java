package org.buildwithukraine.line.rest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;

import org.buildwithukraine.line.service.OeeService.DayOee;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * OEE of one line and day with its three factors (0..1, four decimals; null where undefined, e.g. quality
 * without any units). {@code to} is now for today.
 */
public record OeeResponse(String lineId, LocalDate date, String zone, Instant from, Instant to,
        int nominalCapacityPerDay, long plannedSeconds, long runningSeconds, long goodUnits, long scrapUnits,
        BigDecimal idealUnits, @Schema(nullable = true) BigDecimal availability,
        @Schema(nullable = true) BigDecimal performance, @Schema(nullable = true) BigDecimal quality,
        @Schema(nullable = true) BigDecimal oee) {

    static OeeResponse of(DayOee day, String zone) {
        var oee = day.oee();
        return new OeeResponse(day.line().id(), day.date(), zone, day.from(), day.to(),
                day.line().nominalCapacityPerDay(), oee.plannedTime().toSeconds(), oee.runningTime().toSeconds(),
                oee.goodUnits(), oee.scrapUnits(), round(oee.idealUnits(), 2), round(oee.availability(), 4),
                round(oee.performance(), 4), round(oee.quality(), 4), round(oee.oee(), 4));
    }

    private static BigDecimal round(Double value, int decimals) {
        return value == null ? null : BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP);
    }
}
