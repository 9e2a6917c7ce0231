package org.buildwithukraine.licence.rest;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.buildwithukraine.events.licence.LicenceActivity;
import org.buildwithukraine.kit.validation.IsoCountry;
import org.buildwithukraine.kit.validation.OneOf;

/** An officer grants a licence directly, for any factory. */
public record GrantLicenceRequest(
        @NotBlank String technologyCode,
        @NotBlank String factoryId,
        @NotEmpty @Size(max = 2) List<@NotNull @OneOf(LicenceActivity.class) String> activities,
        @NotNull @Positive Long quantityCap,
        @NotNull LocalDate validFrom,
        @NotNull LocalDate validTo,
        @Size(max = 250) List<@NotNull @IsoCountry String> exportTerritories,
        Boolean earlierRevisions,
        @Size(max = 4000) String provisos,
        @Size(max = 500) String reason) implements LicenceTermsInput {
}
