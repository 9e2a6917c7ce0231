package org.buildwithukraine.licence.rest;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.buildwithukraine.kit.validation.IsoCountry;

/** Fields left out stay as they are; an empty {@code provisos} removes them. The reason goes to the audit trail. */
public record AmendLicenceRequest(
        @Positive Long quantityCap,
        LocalDate validFrom,
        LocalDate validTo,
        @Size(max = 250) List<@NotNull @IsoCountry String> exportTerritories,
        Boolean earlierRevisions,
        @Size(max = 4000) String provisos,
        @NotBlank @Size(max = 500) String reason) {
}
