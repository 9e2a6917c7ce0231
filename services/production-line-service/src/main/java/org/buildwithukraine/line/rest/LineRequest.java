package org.buildwithukraine.line.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

public record LineRequest(
        @NotNull @Pattern(regexp = Formats.FACTORY_ID, message = Formats.FACTORY_ID_MESSAGE) String factoryId,
        @NotNull @Pattern(regexp = Formats.TECHNOLOGY_CODE, message = Formats.TECHNOLOGY_CODE_MESSAGE)
        String technologyCode,
        @NotNull @Min(1) @Max(1_000_000) Integer nominalCapacityPerDay) {
}
