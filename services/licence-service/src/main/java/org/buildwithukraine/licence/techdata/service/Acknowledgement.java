package org.buildwithukraine.licence.techdata.service;

import org.buildwithukraine.licence.techdata.TechnicalDataAcknowledgement;

/** A person's acknowledgement of a release's notice; {@code created} the first time, not on a repeat. */
public record Acknowledgement(TechnicalDataAcknowledgement acknowledgement, boolean created) {
}
