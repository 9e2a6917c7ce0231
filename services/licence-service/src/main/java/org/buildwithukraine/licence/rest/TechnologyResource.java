package org.buildwithukraine.licence.rest;

import static org.buildwithukraine.kit.security.Roles.MANUFACTURER;
import static org.buildwithukraine.kit.security.Roles.NETWORK_ADMIN;
import static org.buildwithukraine.kit.security.Roles.OPERATOR;
import static org.buildwithukraine.kit.security.Roles.ORDER_DESK;
import static org.buildwithukraine.kit.security.Roles.TECHNOLOGY_OFFICER;

import java.net.URI;

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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.buildwithukraine.events.TechnologyCategory;
import org.buildwithukraine.kit.idempotency.IdempotencyKey;
import org.buildwithukraine.kit.idempotency.IdempotentRequests;
import org.buildwithukraine.kit.idempotency.IdempotentRequests.Answer;
import org.buildwithukraine.kit.security.Caller;
import org.buildwithukraine.kit.validation.OneOf;
import org.buildwithukraine.kit.web.Page;
import org.buildwithukraine.kit.web.PageRequest;
import org.buildwithukraine.licence.Technology;
import org.buildwithukraine.licence.service.NewTechnology;
import org.buildwithukraine.licence.service.TechnologyService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/technologies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Technologies", description = "The catalogue of Ukrainian technologies that can be licensed")
@SecurityRequirement(name = "bearer")
public class TechnologyResource {

    private final TechnologyService technologies;
    private final IdempotentRequests idempotency;
    private final Caller caller;

    public TechnologyResource(TechnologyService technologies, IdempotentRequests idempotency, Caller caller) {
        this.technologies = technologies;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(TECHNOLOGY_OFFICER)
    @Transactional
    @Operation(summary = "Add a technology to the catalogue; a code already in it is a conflict")
    @APIResponse(responseCode = "201", description = "Added; a retry under the same Idempotency-Key answers the same",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TechnologyResponse.class)))
    public Response add(
            @Parameter(description = IdempotencyKey.OPTIONAL_DOC) @HeaderParam(IdempotencyKey.HEADER) String key,
            @NotNull @Valid TechnologyRequest request) {
        return idempotency.optional("technologies.add", key, request, () -> {
            Technology added = technologies.add(new NewTechnology(request.code(), request.name().strip(),
                    TechnologyCategory.valueOf(request.category()), request.controlListEntry(), request.owner()),
                    caller.actor());
            return Answer.created(URI.create("/api/technologies/" + added.code), TechnologyResponse.of(added));
        });
    }

    @GET
    @RolesAllowed({ MANUFACTURER, TECHNOLOGY_OFFICER, ORDER_DESK, NETWORK_ADMIN, OPERATOR })
    @Operation(summary = "The catalogue, ordered by code, optionally of one category")
    public Page<TechnologyResponse> list(
            @QueryParam("category") @OneOf(TechnologyCategory.class) String category,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return technologies.list(category == null ? null : TechnologyCategory.valueOf(category),
                new PageRequest(page, size))
                .map(TechnologyResponse::of);
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({ MANUFACTURER, TECHNOLOGY_OFFICER, ORDER_DESK, NETWORK_ADMIN, OPERATOR })
    @Operation(summary = "One technology")
    public TechnologyResponse get(@PathParam("code") String code) {
        return TechnologyResponse.of(technologies.get(code));
    }
}
