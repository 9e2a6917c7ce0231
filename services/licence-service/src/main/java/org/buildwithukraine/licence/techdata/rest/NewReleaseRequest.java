package org.buildwithukraine.licence.techdata.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A new DRAFT revision: what changed since the previous one, for the factories that build it. */
public record NewReleaseRequest(@NotBlank @Size(max = 10_000) String notes) {
}
