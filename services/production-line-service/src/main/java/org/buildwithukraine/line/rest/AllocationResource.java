package org.buildwithukraine.line.rest;

import static org.buildwithukraine.kit.security.Roles.MANUFACTURER;
import static org.buildwithukraine.kit.security.Roles.ORDER_DESK;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.buildwithukraine.line.service.AllocationService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/lines/{lineId}/allocations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Allocations", description = "Work the order router placed on a line")
@SecurityRequirement(name = "bearer")
public class AllocationResource {

    private final AllocationService allocations;

    public AllocationResource(AllocationService allocations) {
        this.allocations = allocations;
    }

    @GET
    @RolesAllowed({ MANUFACTURER, ORDER_DESK })
    @Operation(summary = "The line's allocations, oldest first: planned, produced, remaining")
    public List<AllocationResponse> list(@PathParam("lineId") String lineId) {
        return allocations.forLine(lineId).stream().map(AllocationResponse::of).toList();
    }
}
