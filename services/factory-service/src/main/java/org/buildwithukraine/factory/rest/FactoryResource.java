package org.buildwithukraine.factory.rest;

import static org.buildwithukraine.kit.security.Roles.MANUFACTURER;
import static org.buildwithukraine.kit.security.Roles.NETWORK_ADMIN;
import static org.buildwithukraine.kit.security.Roles.OPERATOR;
import static org.buildwithukraine.kit.security.Roles.ORDER_DESK;
import static org.buildwithukraine.kit.security.Roles.TECHNOLOGY_OFFICER;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
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

import org.buildwithukraine.events.TechnologyCategory;
import org.buildwithukraine.events.factory.FactoryKind;
import org.buildwithukraine.events.factory.FactoryStatus;
import org.buildwithukraine.factory.service.FactoryChanges;
import org.buildwithukraine.factory.service.FactoryFilter;
import org.buildwithukraine.factory.service.FactoryService;
import org.buildwithukraine.factory.service.NewFactory;
import org.buildwithukraine.kit.idempotency.IdempotencyKey;
import org.buildwithukraine.kit.idempotency.IdempotentRequests;
import org.buildwithukraine.kit.idempotency.IdempotentRequests.Answer;
import org.buildwithukraine.kit.security.Caller;
import org.buildwithukraine.kit.validation.IsoCountry;
import org.buildwithukraine.kit.validation.OneOf;
import org.buildwithukraine.kit.web.Page;
import org.buildwithukraine.kit.web.PageRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/factories")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Factories", description = "Partner factories and export centres")
@SecurityRequirement(name = "bearer")
public class FactoryResource {

    private final FactoryService factories;
    private final IdempotentRequests idempotency;
    private final Caller caller;

    public FactoryResource(FactoryService factories, IdempotentRequests idempotency, Caller caller) {
        this.factories = factories;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(NETWORK_ADMIN)
    @Transactional
    @Operation(summary = "Register a factory or export centre; it starts ONBOARDING. An id already registered is a "
            + "conflict, unless the request is a retry under the same Idempotency-Key")
    @APIResponse(responseCode = "201", description = "Registered; a retry under the same Idempotency-Key answers the same",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FactoryResponse.class)))
    public Response register(
            @Parameter(description = IdempotencyKey.OPTIONAL_DOC) @HeaderParam(IdempotencyKey.HEADER) String key,
            @NotNull @Valid RegisterFactoryRequest request) {
        return idempotency.optional("factories.register", key, request, () -> {
            var factory = factories.register(new NewFactory(request.id(), request.name(), request.country(),
                    FactoryKind.valueOf(request.kind()), categories(request.capabilities())), caller.actor());
            return Answer.created(URI.create("/api/factories/" + factory.id()), FactoryResponse.of(factory));
        });
    }

    @GET
    @RolesAllowed({ MANUFACTURER, TECHNOLOGY_OFFICER, ORDER_DESK, NETWORK_ADMIN, OPERATOR })
    @Operation(summary = "List factories, filtered and paged, ordered by id")
    public Page<FactoryResponse> list(
            @QueryParam("country") @IsoCountry String country,
            @QueryParam("kind") @OneOf(FactoryKind.class) String kind,
            @QueryParam("status") @OneOf(FactoryStatus.class) String status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        var filter = new FactoryFilter(country, kind == null ? null : FactoryKind.valueOf(kind),
                status == null ? null : FactoryStatus.valueOf(status));
        return factories.list(filter, new PageRequest(page, size)).map(FactoryResponse::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ MANUFACTURER, TECHNOLOGY_OFFICER, ORDER_DESK, NETWORK_ADMIN, OPERATOR })
    @Operation(summary = "One factory")
    public FactoryResponse get(@PathParam("id") String id) {
        return FactoryResponse.of(factories.get(id));
    }

    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}")
    @RolesAllowed(NETWORK_ADMIN)
    @Operation(summary = "Rename a factory or change its capabilities")
    public FactoryResponse update(@PathParam("id") String id, @NotNull @Valid UpdateFactoryRequest request) {
        var changes = new FactoryChanges(request.name(),
                request.capabilities() == null ? null : categories(request.capabilities()));
        return FactoryResponse.of(factories.update(id, changes, caller.actor()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/status")
    @RolesAllowed(NETWORK_ADMIN)
    @Operation(summary = "Activate, suspend or reinstate a factory (ONBOARDING → ACTIVE ⇄ SUSPENDED)")
    public FactoryResponse changeStatus(@PathParam("id") String id, @NotNull @Valid ChangeStatusRequest request) {
        return FactoryResponse.of(factories.changeStatus(id, FactoryStatus.valueOf(request.status()),
                request.reason(), caller.actor()));
    }

    private static Set<TechnologyCategory> categories(List<String> names) {
        Set<TechnologyCategory> categories = EnumSet.noneOf(TechnologyCategory.class);
        if (names != null) {
            names.forEach(name -> categories.add(TechnologyCategory.valueOf(name)));
        }
        return categories;
    }
}
