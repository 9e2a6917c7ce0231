package org.buildwithukraine.licence.rest;

import jakarta.validation.constraints.Size;

/** Why an officer grants, suspends, reinstates or revokes a licence; required to suspend or revoke. */
public record DecisionRequest(@Size(max = 500) String reason) {
}
