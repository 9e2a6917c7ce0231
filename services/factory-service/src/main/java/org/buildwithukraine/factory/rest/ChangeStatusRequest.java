package org.buildwithukraine.factory.rest;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record ChangeStatusRequest(
        @NotNull @Pattern(regexp = "ACTIVE|SUSPENDED", message = "must be ACTIVE or SUSPENDED") String status,
        @Size(max = 500) String reason) {

    /** A suspension stops production and routing for the factory: it must say why. */
    @AssertTrue(message = "is required when suspending")
    public boolean isReason() {
        return !"SUSPENDED".equals(status) || (reason != null && !reason.isBlank());
    }
}
