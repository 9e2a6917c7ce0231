package org.buildwithukraine.line.rest;

import static org.buildwithukraine.kit.security.Roles.FACTORY_MES;
import static org.buildwithukraine.kit.security.Roles.MANUFACTURER;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.buildwithukraine.events.line.DowntimeReason;
import org.buildwithukraine.events.line.LineState;
import org.buildwithukraine.kit.json.InvalidValueException;
import org.buildwithukraine.kit.json.UnknownFieldsException;
import org.buildwithukraine.kit.problem.Problem;
import org.buildwithukraine.kit.problem.Problem.FieldError;
import org.buildwithukraine.kit.problem.ProblemException;
import org.buildwithukraine.kit.security.Caller;
import org.buildwithukraine.line.Region;
import org.buildwithukraine.line.service.NewReport;
import org.buildwithukraine.line.service.StatusReportService;
import org.buildwithukraine.line.service.StatusReportService.ItemOutcome;
import org.buildwithukraine.line.service.StatusReportService.LineReport;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

@Path("/api/regions/{region}/status-reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Status reports", description = "What a line is doing, its history and its OEE")
@SecurityRequirement(name = "bearer")
public class StatusReportBatchResource {

    /** HTTP 207 Multi-Status: the request was read; each item has its own status in the body. */
    static final int MULTI_STATUS = 207;

    private final StatusReportService reports;
    private final Caller caller;
    private final Region region;
    private final ObjectMapper objectMapper;
    private final Validator validator;

    public StatusReportBatchResource(StatusReportService reports, Caller caller, Region region,
            ObjectMapper objectMapper, Validator validator) {
        this.reports = reports;
        this.caller = caller;
        this.region = region;
        this.objectMapper = objectMapper;
        this.validator = validator;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ MANUFACTURER, FACTORY_MES })
    @Operation(summary = "Up to " + StatusReportBatchRequest.MAX_ITEMS + " status reports of the region's lines in "
            + "one request, each item {lineId, report} with report exactly the body of POST "
            + "/api/lines/{lineId}/status-reports and taken as that endpoint takes it (rights, window, the reportId "
            + "as its idempotency key); one transaction for the whole batch, in which a refused item changes "
            + "nothing and the others are stored")
    @APIResponse(responseCode = "207", description = "Multi-Status: one result per item in request order, with its "
            + "lineId, reportId and status (201 stored, 200 the same report again, nothing changed; 400 with the "
            + "item's field errors; 403/404 a line the caller may not report on or that this region does not serve; "
            + "409 another report under a taken reportId) and the stored report or the problem",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = StatusReportBatchResponse.class)))
    @APIResponse(responseCode = "400", description = "The batch itself is malformed: not JSON, not {reports: [...]}, "
            + "empty or more than " + StatusReportBatchRequest.MAX_ITEMS + " reports (field reports); nothing taken")
    @APIResponse(responseCode = "403", description = "Neither a manufacturer nor a factory's MES")
    @APIResponse(responseCode = "404", description = "This instance does not serve the region")
    public Response reportAll(@PathParam("region") String regionCode,
            @NotNull @Valid StatusReportBatchRequest request) {
        if (!region.code().equals(regionCode)) {
            throw ProblemException.notFound("This instance serves region " + region.code() + ", not " + regionCode);
        }
        List<JsonNode> items = request.reports();
        List<StatusReportBatchResponse.Result> results = new ArrayList<>(items.size());
        List<LineReport> readable = new ArrayList<>(items.size());
        List<Integer> readableIndex = new ArrayList<>(items.size());
        for (int index = 0; index < items.size(); index++) {
            JsonNode node = items.get(index);
            try {
                StatusReportBatchItem item = read(node);
                readable.add(new LineReport(item.lineId(), newReport(item.report())));
                readableIndex.add(index);
                results.add(null);
            } catch (ProblemException refusal) {
                results.add(refused(index, textAt(node, "lineId"), textAt(node.path("report"), "reportId"),
                        refusal));
            }
        }
        List<ItemOutcome> outcomes = readable.isEmpty() ? List.of() : reports.reportAll(readable, caller.actor());
        for (int i = 0; i < outcomes.size(); i++) {
            int index = readableIndex.get(i);
            LineReport item = readable.get(i);
            ItemOutcome outcome = outcomes.get(i);
            results.set(index, outcome.refused() != null
                    ? refused(index, item.lineId(), item.report().reportId(), outcome.refused())
                    : new StatusReportBatchResponse.Result(index, item.lineId(), item.report().reportId(),
                            outcome.taken().replayed() ? 200 : 201, StatusReportResponse.of(outcome.taken().report()),
                            null));
        }
        return Response.status(MULTI_STATUS).entity(new StatusReportBatchResponse(results)).build();
    }

    /** The item as the single endpoint would read its body; a 400 naming the fields otherwise. */
    private StatusReportBatchItem read(JsonNode node) {
        StatusReportBatchItem item;
        try {
            item = objectMapper.treeToValue(node, StatusReportBatchItem.class);
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid(unreadable(e));
        }
        if (item == null) {
            throw ProblemException.invalid("lineId", "must not be null");
        }
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<StatusReportBatchItem> violation : validator.validate(item)) {
            errors.add(new FieldError(violation.getPropertyPath().toString(), violation.getMessage()));
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(FieldError::field));
            throw ProblemException.invalid(errors);
        }
        return item;
    }

    private static NewReport newReport(StatusReportRequest report) {
        return new NewReport(report.reportId(), report.observedAt(), LineState.valueOf(report.state()),
                report.reason() == null ? null : DowntimeReason.valueOf(report.reason()), report.goodUnits(),
                report.scrapUnits());
    }

    private static StatusReportBatchResponse.Result refused(int index, String lineId, String reportId,
            ProblemException refusal) {
        Problem problem = new Problem("about:blank", refusal.title(), refusal.status(), refusal.getMessage(),
                lineId == null ? null : "/api/lines/" + lineId + "/status-reports", refusal.errors());
        return new StatusReportBatchResponse.Result(index, lineId, reportId, refusal.status(), null, problem);
    }

    /** The fields Jackson could not read, named as the single endpoint's problem names them. */
    private static List<FieldError> unreadable(JsonProcessingException e) {
        String object = e instanceof JsonMappingException mapping ? path(mapping.getPath()) : "";
        if (e instanceof UnknownFieldsException unknown) {
            return unknown.names().stream()
                    .map(name -> new FieldError(object.isEmpty() ? name : object + "." + name, "unknown field"))
                    .toList();
        }
        if (e instanceof UnrecognizedPropertyException) {
            return List.of(new FieldError(object, "unknown field"));
        }
        if (object.isEmpty()) {
            return List.of(new FieldError("item", "must be an object {lineId, report}"));
        }
        return List.of(new FieldError(object, e instanceof InvalidValueException invalid ? invalid.reason()
                : "has a value of the wrong type or format"));
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(reference.getFieldName());
            }
        }
        return field.toString();
    }

    private static String textAt(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : null;
    }
}
