package org.buildwithukraine.licence.techdata.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a released revision is taken back; factories see it. */
public record WithdrawReleaseRequest(@NotBlank @Size(max = 500) String reason) {
}
