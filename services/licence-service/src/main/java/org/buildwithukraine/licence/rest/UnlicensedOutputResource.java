package org.buildwithukraine.licence.rest;

import static org.buildwithukraine.kit.security.Roles.TECHNOLOGY_OFFICER;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.buildwithukraine.kit.web.Page;
import org.buildwithukraine.kit.web.PageRequest;
import org.buildwithukraine.licence.service.UnlicensedProduction;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/licences/unlicensed-output")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Unlicensed output", description = "Good units no licence covered when they were made")
@SecurityRequirement(name = "bearer")
public class UnlicensedOutputResource {

    private final UnlicensedProduction unlicensed;

    public UnlicensedOutputResource(UnlicensedProduction unlicensed) {
        this.unlicensed = unlicensed;
    }

    @GET
    @RolesAllowed(TECHNOLOGY_OFFICER)
    @Operation(summary = "Output reports with good units no licence covered when they were observed (no licence "
            + "GRANTED, in date, for the technology and permitting PRODUCE, or its quota used up), newest first")
    public Page<UnlicensedOutputResponse> list(
            @QueryParam("factoryId") String factoryId,
            @QueryParam("technologyCode") String technologyCode,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return unlicensed.list(new UnlicensedProduction.Filter(factoryId, technologyCode), new PageRequest(page, size))
                .map(UnlicensedOutputResponse::of);
    }
}
