package org.buildwithukraine.licence.techdata.rest;

import java.time.Instant;

import org.buildwithukraine.licence.techdata.TechnicalDataAcknowledgement;

/** A person's acknowledgement of a release's export-control notice, with the notice as it was acknowledged. */
public record AcknowledgementResponse(String technologyCode, String revision, String licenceId,
        String acknowledgedBy, Instant acknowledgedAt, String notice) {

    public static AcknowledgementResponse of(TechnicalDataAcknowledgement acknowledgement) {
        return new AcknowledgementResponse(acknowledgement.technologyCode, acknowledgement.revision,
                acknowledgement.licenceId, acknowledgement.acknowledgedBy, acknowledgement.acknowledgedAt,
                acknowledgement.notice);
    }
}
