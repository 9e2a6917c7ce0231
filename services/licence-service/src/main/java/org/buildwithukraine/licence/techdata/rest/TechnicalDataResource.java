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
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.buildwithukraine.kit.idempotency.IdempotentRequests;
import org.buildwithukraine.kit.idempotency.IdempotentRequests.Answer;
import org.buildwithukraine.kit.security.Caller;
import org.buildwithukraine.licence.techdata.Requester;
import org.buildwithukraine.licence.techdata.TechnicalDataRelease;
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

    /** Every role that can be named in a token, whether or not the access rule lets it in. */
    private static final Set<String> REALM_ROLES = Set.of(MANUFACTURER, TECHNOLOGY_OFFICER, ORDER_DESK,
            NETWORK_ADMIN, OPERATOR, FACTORY_MES);

    private final TechnicalDataService releases;
    private final IdempotentRequests idempotency;
    private final Caller caller;

    public TechnicalDataResource(TechnicalDataService releases, IdempotentRequests idempotency, Caller caller) {
        this.releases = releases;
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
            + "a factory licensed to produce the technology")
    public List<ReleaseResponse> list(@PathParam("code") String code) {
        return releases.list(code, requester()).stream().map(ReleaseResponse::of).toList();
    }

    @GET
    @Path("/{revision}")
    @RolesAllowed({ TECHNOLOGY_OFFICER, MANUFACTURER })
    @Operation(summary = "One revision, as far as the caller's role and licence reach")
    public ReleaseResponse get(@PathParam("code") String code, @PathParam("revision") String revision) {
        return ReleaseResponse.of(releases.get(code, revision, requester()));
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
