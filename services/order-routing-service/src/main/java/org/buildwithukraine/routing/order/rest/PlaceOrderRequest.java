package org.buildwithukraine.routing.order.rest;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.buildwithukraine.events.order.CustomerClass;
import org.buildwithukraine.kit.validation.IsoCountry;
import org.buildwithukraine.kit.validation.OneOf;

/**
 * An order as the desk places it. Export orders name their destination and export centre; other orders name
 * neither (checked with the needed-by date by {@link ConsistentOrder}).
 */
@ConsistentOrder
public record PlaceOrderRequest(
        @NotNull @OneOf(CustomerClass.class) String customerClass,
        @NotBlank @Size(max = 200) String customer,
        @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Z0-9][A-Z0-9-]*",
                message = "must be a technology code such as UA-FPV-7") String technologyCode,
        @NotNull @Min(1) @Max(10_000_000) Long quantity,
        @NotNull LocalDate neededBy,
        @IsoCountry String destinationCountry,
        @Size(max = 100) String exportCentreId) {
}
