package org.buildwithukraine.line.rest;

import static org.buildwithukraine.kit.security.Roles.FACTORY_MES;
import static org.buildwithukraine.kit.security.Roles.MANUFACTURER;
import static org.buildwithukraine.kit.security.Roles.NETWORK_ADMIN;
import static org.buildwithukraine.kit.security.Roles.OPERATOR;
import static org.buildwithukraine.kit.security.Roles.ORDER_DESK;
import static org.buildwithukraine.kit.security.Roles.TECHNOLOGY_OFFICER;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.buildwithukraine.events.line.LineState;
import org.buildwithukraine.kit.security.Caller;
import org.buildwithukraine.kit.validation.OneOf;
import org.buildwithukraine.kit.web.Page;
import org.buildwithukraine.line.LineDefinition;
import org.buildwithukraine.kit.web.PageRequest;
import org.buildwithukraine.line.Region;
import org.buildwithukraine.line.service.LineFilter;
import org.buildwithukraine.line.service.LineService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/lines")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Lines", description = "Production lines of this instance's region")
@SecurityRequirement(name = "bearer")
public class LineResource {

    private final LineService lines;
    private final Caller caller;
    private final Region region;

    public LineResource(LineService lines, Caller caller, Region region) {
        this.lines = lines;
        this.caller = caller;
        this.region = region;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{lineId}")
    @RolesAllowed({ NETWORK_ADMIN, MANUFACTURER })
    @Operation(summary = "Register a line (201) or update it (200); the id's prefix must be this region's, the "
            + "factory ACTIVE; a manufacturer registers lines of its own factory only and may lower a line's "
            + "capacity, while raising it or changing the technology is for a network admin (403)")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = LineResponse.class)))
    @APIResponse(responseCode = "200", description = "Updated",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = LineResponse.class)))
    public Response register(
            @PathParam("lineId") @Pattern(regexp = Formats.LINE_ID, message = Formats.LINE_ID_MESSAGE) String lineId,
            @NotNull @Valid LineRequest request) {
        var registration = lines.register(lineId, new LineDefinition(request.factoryId(), request.technologyCode(),
                request.nominalCapacityPerDay()), caller.actor());
        LineResponse body = LineResponse.of(registration.line(), region.code());
        return registration.created()
                ? Response.created(URI.create("/api/lines/" + lineId)).entity(body).build()
                : Response.ok(body).build();
    }

    @GET
    @RolesAllowed({ MANUFACTURER, FACTORY_MES, TECHNOLOGY_OFFICER, ORDER_DESK, NETWORK_ADMIN, OPERATOR })
    @Operation(summary = "This region's lines, filtered and paged, ordered by id; a manufacturer sees its own")
    public Page<LineResponse> list(
            @QueryParam("factoryId") String factoryId,
            @QueryParam("state") @OneOf(LineState.class) String state,
            @QueryParam("technology") String technology,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        var filter = new LineFilter(factoryId, state == null ? null : LineState.valueOf(state), technology);
        return lines.list(filter, new PageRequest(page, size)).map(line -> LineResponse.of(line, region.code()));
    }

    @GET
    @Path("/{lineId}")
    @RolesAllowed({ MANUFACTURER, FACTORY_MES, TECHNOLOGY_OFFICER, ORDER_DESK, NETWORK_ADMIN, OPERATOR })
    @Operation(summary = "One line: current state, capacity, latest report")
    public LineResponse get(@PathParam("lineId") String lineId) {
        return LineResponse.of(lines.get(lineId), region.code());
    }

    @GET
    @Path("/{lineId}/history")
    @RolesAllowed({ MANUFACTURER, TECHNOLOGY_OFFICER, ORDER_DESK, NETWORK_ADMIN, OPERATOR })
    @Operation(summary = "Every change of the line's registration, newest first: who, when, before and after")
    public Page<LineChangeResponse> history(@PathParam("lineId") String lineId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return lines.history(lineId, new PageRequest(page, size)).map(LineChangeResponse::of);
    }
}
