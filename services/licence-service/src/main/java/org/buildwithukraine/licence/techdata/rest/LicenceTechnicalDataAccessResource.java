package org.buildwithukraine.licence.techdata.rest;

import static org.buildwithukraine.kit.security.Roles.MANUFACTURER;
import static org.buildwithukraine.kit.security.Roles.TECHNOLOGY_OFFICER;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.buildwithukraine.kit.security.Caller;
import org.buildwithukraine.kit.web.Page;
import org.buildwithukraine.kit.web.PageRequest;
import org.buildwithukraine.licence.service.LicenceService;
import org.buildwithukraine.licence.service.Visibility;
import org.buildwithukraine.licence.techdata.service.AccessRecords;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The technical data accesses that went through one licence, for officers and the licence's own factory. */
@Path("/api/licences/{id}/technical-data-access")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Technical data")
@SecurityRequirement(name = "bearer")
public class LicenceTechnicalDataAccessResource {

    private final LicenceService licences;
    private final AccessRecords records;
    private final Caller caller;

    public LicenceTechnicalDataAccessResource(LicenceService licences, AccessRecords records, Caller caller) {
        this.licences = licences;
        this.records = records;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ TECHNOLOGY_OFFICER, MANUFACTURER })
    @Operation(summary = "Every listing and read of technical data decided on this licence, allowed or refused, "
            + "newest first (a manufacturer: its own factory's licences only)")
    public Page<AccessRecordResponse> list(@PathParam("id") String id,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        // another factory's licence answers 404, as the licence itself does
        String licenceId = licences.get(id, Visibility.of(caller)).id();
        return records.ofLicence(licenceId, new PageRequest(page, size)).map(AccessRecordResponse::of);
    }
}
