package org.buildwithukraine.licence.rest;

import static org.buildwithukraine.kit.security.Roles.MANUFACTURER;
import static org.buildwithukraine.kit.security.Roles.TECHNOLOGY_OFFICER;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.buildwithukraine.events.licence.LicenceStatus;
import org.buildwithukraine.kit.problem.ProblemException;
import org.buildwithukraine.kit.idempotency.IdempotencyKey;
import org.buildwithukraine.kit.idempotency.IdempotentRequests;
import org.buildwithukraine.kit.idempotency.IdempotentRequests.Answer;
import org.buildwithukraine.kit.security.Caller;
import org.buildwithukraine.kit.validation.OneOf;
import org.buildwithukraine.kit.web.Page;
import org.buildwithukraine.kit.web.PageRequest;
import org.buildwithukraine.licence.Licence;
import org.buildwithukraine.licence.LicenceAction;
import org.buildwithukraine.licence.LicenceAuditRecord;
import org.buildwithukraine.licence.service.LicenceAmendment;
import org.buildwithukraine.licence.service.LicenceFilter;
import org.buildwithukraine.licence.service.LicenceService;
import org.buildwithukraine.licence.service.NewLicence;
import org.buildwithukraine.licence.service.Visibility;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

@Path("/api/licences")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Licences", description = "Which factory may build and export which technology, how many, until when")
@SecurityRequirement(name = "bearer")
public class LicenceResource {

    private static final TypeReference<Map<String, AuditRecordResponse.FieldChange>> CHANGES = new TypeReference<>() {
    };

    private final LicenceService licences;
    private final IdempotentRequests idempotency;
    private final Caller caller;
    private final ObjectMapper objectMapper;

    public LicenceResource(LicenceService licences, IdempotentRequests idempotency, Caller caller,
            ObjectMapper objectMapper) {
        this.licences = licences;
        this.idempotency = idempotency;
        this.caller = caller;
        this.objectMapper = objectMapper;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(TECHNOLOGY_OFFICER)
    @Transactional
    @Operation(summary = "Grant a licence directly; it starts GRANTED")
    @APIResponse(responseCode = "201", description = "Granted; a retry under the same Idempotency-Key answers the same",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = LicenceResponse.class)))
    public Response grant(
            @Parameter(description = IdempotencyKey.OPTIONAL_DOC) @HeaderParam(IdempotencyKey.HEADER) String key,
            @NotNull @Valid GrantLicenceRequest request) {
        return idempotency.optional("licences.grant", key, request, () -> created(licences.grant(
                new NewLicence(request.technologyCode(), request.factoryId(), request.terms(), request.provisos(),
                        request.reason()), caller.actor())));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/requests")
    @RolesAllowed(MANUFACTURER)
    @Transactional
    @Operation(summary = "Ask for a licence for your own factory; it starts REQUESTED")
    @APIResponse(responseCode = "201", description = "Requested; a retry under the same Idempotency-Key answers the same",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = LicenceResponse.class)))
    public Response request(
            @Parameter(description = IdempotencyKey.OPTIONAL_DOC) @HeaderParam(IdempotencyKey.HEADER) String key,
            @NotNull @Valid LicenceApplication request) {
        String factoryId = ownFactory(request.factoryId());
        return idempotency.optional("licences.request", key, request, () -> created(licences.request(
                new NewLicence(request.technologyCode(), factoryId, request.terms(), request.provisos(),
                        request.reason()), caller.actor())));
    }

    @GET
    @RolesAllowed({ TECHNOLOGY_OFFICER, MANUFACTURER })
    @Operation(summary = "List licences (a manufacturer sees its own factory's only), oldest first")
    public Page<LicenceResponse> list(
            @QueryParam("factoryId") String factoryId,
            @QueryParam("technologyCode") String technologyCode,
            @QueryParam("status") @OneOf(LicenceStatus.class) String status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        var filter = new LicenceFilter(factoryId, technologyCode, status == null ? null : LicenceStatus.valueOf(status));
        return licences.list(filter, visibility(), new PageRequest(page, size)).map(LicenceResponse::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ TECHNOLOGY_OFFICER, MANUFACTURER })
    @Operation(summary = "One licence")
    public LicenceResponse get(@PathParam("id") String id) {
        return LicenceResponse.of(licences.get(id, visibility()));
    }

    @GET
    @Path("/{id}/audit")
    @RolesAllowed({ TECHNOLOGY_OFFICER, MANUFACTURER })
    @Operation(summary = "Every change of the licence, oldest first: who, when, what changed, why")
    public List<AuditRecordResponse> audit(@PathParam("id") String id) {
        return licences.audit(id, visibility()).stream().map(this::auditRecord).toList();
    }

    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}")
    @RolesAllowed(TECHNOLOGY_OFFICER)
    @Operation(summary = "Amend the cap, validity, export territories, earlier-revisions term or provisos of a "
            + "licence that is not final")
    public LicenceResponse amend(@PathParam("id") String id, @NotNull @Valid AmendLicenceRequest request) {
        var amendment = new LicenceAmendment(request.quantityCap(), request.validFrom(), request.validTo(),
                request.exportTerritories() == null ? null : Set.copyOf(request.exportTerritories()),
                request.earlierRevisions(), request.provisos(), request.reason());
        return LicenceResponse.of(licences.amend(id, amendment, caller.actor()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/grant")
    @RolesAllowed(TECHNOLOGY_OFFICER)
    @Operation(summary = "Grant a requested licence (REQUESTED → GRANTED)")
    public LicenceResponse grantRequested(@PathParam("id") String id, @Valid DecisionRequest request) {
        return decide(id, LicenceAction.GRANT, request);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/suspend")
    @RolesAllowed(TECHNOLOGY_OFFICER)
    @Operation(summary = "Suspend a licence (GRANTED → SUSPENDED); reason required")
    public LicenceResponse suspend(@PathParam("id") String id, @Valid DecisionRequest request) {
        return decide(id, LicenceAction.SUSPEND, request);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/reinstate")
    @RolesAllowed(TECHNOLOGY_OFFICER)
    @Operation(summary = "Reinstate a licence an officer suspended (SUSPENDED → GRANTED)")
    public LicenceResponse reinstate(@PathParam("id") String id, @Valid DecisionRequest request) {
        return decide(id, LicenceAction.REINSTATE, request);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/revoke")
    @RolesAllowed(TECHNOLOGY_OFFICER)
    @Operation(summary = "Revoke a licence for good, or refuse a request (→ REVOKED); reason required")
    public LicenceResponse revoke(@PathParam("id") String id, @Valid DecisionRequest request) {
        return decide(id, LicenceAction.REVOKE, request);
    }

    private LicenceResponse decide(String id, LicenceAction action, DecisionRequest request) {
        return LicenceResponse.of(licences.decide(id, action, request == null ? null : request.reason(), caller.actor()));
    }

    /** The factory a manufacturer asks for: its own, from the token, whatever the body says. */
    private String ownFactory(String asked) {
        Set<String> own = caller.factories();
        if (asked != null) {
            if (!own.contains(asked)) {
                throw ProblemException.forbidden("You may request licences only for the factory you act for");
            }
            return asked;
        }
        if (own.isEmpty()) {
            throw ProblemException.forbidden("Your token names no factory to request a licence for");
        }
        if (own.size() > 1) {
            throw ProblemException.invalid("factoryId", "is required when you act for several factories: " + own);
        }
        return own.iterator().next();
    }

    private Visibility visibility() {
        return Visibility.of(caller);
    }

    private static Answer created(Licence licence) {
        return Answer.created(URI.create("/api/licences/" + licence.id()), LicenceResponse.of(licence));
    }

    private AuditRecordResponse auditRecord(LicenceAuditRecord entry) {
        try {
            return new AuditRecordResponse(entry.position, entry.recordedAt, entry.actor, entry.action,
                    objectMapper.readValue(entry.changes, CHANGES), entry.reason);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Audit record " + entry.position + " holds unreadable changes", e);
        }
    }
}
