package org.buildwithukraine.line.rest;

import static org.buildwithukraine.kit.security.Roles.FACTORY_MES;
import static org.buildwithukraine.kit.security.Roles.MANUFACTURER;
import static org.buildwithukraine.kit.security.Roles.NETWORK_ADMIN;
import static org.buildwithukraine.kit.security.Roles.OPERATOR;
import static org.buildwithukraine.kit.security.Roles.ORDER_DESK;
import static org.buildwithukraine.kit.security.Roles.TECHNOLOGY_OFFICER;

import java.net.URI;
import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.buildwithukraine.events.line.DowntimeReason;
import org.buildwithukraine.events.line.LineState;
import org.buildwithukraine.kit.idempotency.IdempotencyKey;
import org.buildwithukraine.kit.problem.ProblemException;
import org.buildwithukraine.kit.security.Caller;
import org.buildwithukraine.kit.web.Page;
import org.buildwithukraine.kit.web.PageRequest;
import org.buildwithukraine.line.Region;
import org.buildwithukraine.line.service.NewReport;
import org.buildwithukraine.line.service.OeeService;
import org.buildwithukraine.line.service.StatusReportService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/lines/{lineId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Status reports", description = "What a line is doing, its history and its OEE")
@SecurityRequirement(name = "bearer")
public class StatusReportResource {

    /** Set on the answer to a report id already taken: the first answer, repeated; nothing was changed. */
    static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private final StatusReportService reports;
    private final OeeService oee;
    private final Caller caller;
    private final Region region;

    public StatusReportResource(StatusReportService reports, OeeService oee, Caller caller, Region region) {
        this.reports = reports;
        this.oee = oee;
        this.caller = caller;
        this.region = region;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/status-reports")
    @RolesAllowed({ MANUFACTURER, FACTORY_MES })
    @Operation(summary = "Report the line's state and output since the previous report (the line's own factory: "
            + "its people or its MES); observedAt must lie after the line's registration and within the report "
            + "window (400 otherwise); the reportId is the report's idempotency key: the same reportId and report "
            + "again answer as the first time and change nothing, the same reportId with another report is a "
            + "conflict")
    @APIResponse(responseCode = "201", description = "Stored, or the same report again (header X-Replayed: true)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = StatusReportResponse.class)))
    public Response report(@PathParam("lineId") String lineId,
            @Parameter(description = "Optional; if sent, the same as the body's reportId, which is this request's "
                    + "idempotency key") @HeaderParam(IdempotencyKey.HEADER) String key,
            @NotNull @Valid StatusReportRequest request) {
        IdempotencyKey.inBody(key, "reportId", request.reportId());
        var outcome = reports.report(lineId, new NewReport(request.reportId(), request.observedAt(),
                LineState.valueOf(request.state()),
                request.reason() == null ? null : DowntimeReason.valueOf(request.reason()),
                request.goodUnits(), request.scrapUnits()), caller.actor());
        var response = Response
                .created(URI.create("/api/lines/" + lineId + "/status-reports/" + outcome.report().reportId))
                .entity(StatusReportResponse.of(outcome.report()));
        if (outcome.replayed()) {
            response.header(REPLAYED_HEADER, "true");
        }
        return response.build();
    }

    @GET
    @Path("/status-reports")
    @RolesAllowed({ MANUFACTURER, FACTORY_MES, TECHNOLOGY_OFFICER, ORDER_DESK, NETWORK_ADMIN, OPERATOR })
    @Operation(summary = "Reports observed in [from, to), newest first, paged; late reports included")
    public Page<StatusReportResponse> history(@PathParam("lineId") String lineId,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        Instant start = from == null ? Instant.EPOCH : Formats.instant("from", from);
        Instant end = to == null ? Instant.parse("9999-12-31T00:00:00Z") : Formats.instant("to", to);
        if (!start.isBefore(end)) {
            throw ProblemException.invalid("to", "must be after from");
        }
        return reports.history(lineId, start, end, new PageRequest(page, size)).map(StatusReportResponse::of);
    }

    @GET
    @Path("/status-reports/{reportId}")
    @RolesAllowed({ MANUFACTURER, FACTORY_MES, TECHNOLOGY_OFFICER, ORDER_DESK, NETWORK_ADMIN, OPERATOR })
    @Operation(summary = "One report, as it was answered")
    public StatusReportResponse get(@PathParam("lineId") String lineId, @PathParam("reportId") String reportId) {
        return StatusReportResponse.of(reports.get(lineId, reportId));
    }

    @GET
    @Path("/oee")
    @RolesAllowed({ MANUFACTURER, FACTORY_MES, TECHNOLOGY_OFFICER, ORDER_DESK, NETWORK_ADMIN, OPERATOR })
    @Operation(summary = "OEE of a calendar day in the region's time zone: availability × performance × quality")
    public OeeResponse oee(@PathParam("lineId") String lineId, @QueryParam("date") String date) {
        return OeeResponse.of(oee.ofDay(lineId, Formats.date("date", date)), region.zone().getId());
    }
}
