package org.buildwithukraine.licence.techdata.rest;

import static org.buildwithukraine.kit.security.Roles.FACTORY_MES;
import static org.buildwithukraine.kit.security.Roles.MANUFACTURER;
import static org.buildwithukraine.kit.security.Roles.NETWORK_ADMIN;
import static org.buildwithukraine.kit.security.Roles.OPERATOR;
import static org.buildwithukraine.kit.security.Roles.ORDER_DESK;
import static org.buildwithukraine.kit.security.Roles.TECHNOLOGY_OFFICER;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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

import org.buildwithukraine.kit.idempotency.IdempotentRequests;
import org.buildwithukraine.kit.idempotency.IdempotentRequests.Answer;
import org.buildwithukraine.kit.security.Caller;
import org.buildwithukraine.kit.web.Page;
import org.buildwithukraine.kit.web.PageRequest;
import org.buildwithukraine.licence.techdata.Requester;
import org.buildwithukraine.licence.techdata.TechnicalDataRelease;
import org.buildwithukraine.licence.techdata.service.AccessRecords;
import org.buildwithukraine.licence.techdata.service.TechnicalDataService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/technologies/{code}/releases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Technical data", description = "Released revisions of a technology's technical data, for the "
        + "factories licensed to build it")
@SecurityRequirement(name = "bearer")
public class TechnicalDataResource {

    private static final String IDEMPOTENCY_KEY_DOC = "Makes the request safe to retry: the same key and body "
            + "answer the first response again, the same key with another body is a conflict";

    /** The header the gateway names each request with, in its log and towards the services. */
    private static final String REQUEST_ID = "X-Request-Id";
    private static final String REQUEST_ID_DOC = "The gateway's id of the request, kept in the access record; "
            + "one is made up when absent";
    /** What the gateway accepts from its clients as a request id; anything else is replaced. */
    private static final Pattern ACCEPTABLE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    /** Every role that can be named in a token, whether or not the access rule lets it in. */
    private static final Set<String> REALM_ROLES = Set.of(MANUFACTURER, TECHNOLOGY_OFFICER, ORDER_DESK,
            NETWORK_ADMIN, OPERATOR, FACTORY_MES);

    private final TechnicalDataService releases;
    private final AccessRecords records;
    private final IdempotentRequests idempotency;
    private final Caller caller;

    public TechnicalDataResource(TechnicalDataService releases, AccessRecords records,
            IdempotentRequests idempotency, Caller caller) {
        this.releases = releases;
        this.records = records;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(TECHNOLOGY_OFFICER)
    @Transactional
    @Operation(summary = "Start the technology's next revision (A, B, …) as a DRAFT, with its release notes")
    public Response draft(@PathParam("code") String code,
            @Parameter(description = IDEMPOTENCY_KEY_DOC) @HeaderParam(IdempotentRequests.HEADER) String key,
            @NotNull @Valid NewReleaseRequest request) {
        Supplier<Answer> action = () -> created(releases.draft(code, request.notes().strip(), caller.actor()));
        if (key == null) {
            Answer answer = action.get();
            return Response.status(answer.status()).location(answer.location()).entity(answer.body()).build();
        }
        // each caller's keys are their own, per technology
        return idempotency.once("releases.draft " + code + " by " + caller.actor(), key, request, action);
    }

    @POST
    @Path("/{revision}/release")
    @RolesAllowed(TECHNOLOGY_OFFICER)
    @Operation(summary = "Release a DRAFT revision (→ RELEASED); the revision released before it is SUPERSEDED")
    public ReleaseResponse release(@PathParam("code") String code, @PathParam("revision") String revision) {
        return ReleaseResponse.of(releases.release(code, revision, caller.actor()));
    }

    @POST
    @Path("/{revision}/withdraw")
    @RolesAllowed(TECHNOLOGY_OFFICER)
    @Operation(summary = "Withdraw a RELEASED or SUPERSEDED revision (→ WITHDRAWN); reason required")
    public ReleaseResponse withdraw(@PathParam("code") String code, @PathParam("revision") String revision,
            @NotNull @Valid WithdrawReleaseRequest request) {
        return ReleaseResponse.of(releases.withdraw(code, revision, request.reason().strip(), caller.actor()));
    }

    @GET
    @RolesAllowed({ TECHNOLOGY_OFFICER, MANUFACTURER })
    @Operation(summary = "The technology's revisions in order: every one for officers, the RELEASED one for "
            + "a factory licensed to produce the technology; every attempt is on record")
    public List<ReleaseResponse> list(@PathParam("code") String code,
            @Parameter(description = REQUEST_ID_DOC) @HeaderParam(REQUEST_ID) String requestId) {
        return releases.list(code, requester(), caller.actor(), requestIdOrNew(requestId)).stream()
                .map(ReleaseResponse::of).toList();
    }

    @GET
    @Path("/access-records")
    @RolesAllowed(TECHNOLOGY_OFFICER)
    @Operation(summary = "Every listing and read of the technology's technical data, allowed or refused, newest "
            + "first: who, for which factory, under which licence, what was answered")
    public Page<AccessRecordResponse> accessRecords(@PathParam("code") String code,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return records.ofTechnology(code, new PageRequest(page, size)).map(AccessRecordResponse::of);
    }

    @GET
    @Path("/{revision}")
    @RolesAllowed({ TECHNOLOGY_OFFICER, MANUFACTURER })
    @Operation(summary = "One revision, as far as the caller's role and licence reach; every attempt is on record")
    public ReleaseResponse get(@PathParam("code") String code, @PathParam("revision") String revision,
            @Parameter(description = REQUEST_ID_DOC) @HeaderParam(REQUEST_ID) String requestId) {
        return ReleaseResponse.of(releases.get(code, revision, requester(), caller.actor(),
                requestIdOrNew(requestId)));
    }

    /** The gateway's id for the request if it is one the gateway could have sent, else a new one. */
    private static String requestIdOrNew(String given) {
        return given != null && ACCEPTABLE_REQUEST_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }

    private Requester requester() {
        Set<String> roles = REALM_ROLES.stream().filter(caller::hasRole).collect(Collectors.toSet());
        return new Requester(roles, caller.factories());
    }

    private static Answer created(TechnicalDataRelease release) {
        return new Answer(201, URI.create("/api/technologies/" + release.technologyCode + "/releases/"
                + release.revision), ReleaseResponse.of(release));
    }
}
