package org.buildwithukraine.routing.order.rest;

import static org.buildwithukraine.kit.security.Roles.ORDER_DESK;
import static org.buildwithukraine.kit.security.Roles.TECHNOLOGY_OFFICER;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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

import org.buildwithukraine.events.order.CustomerClass;
import org.buildwithukraine.events.order.OrderState;
import org.buildwithukraine.kit.idempotency.IdempotencyKey;
import org.buildwithukraine.kit.idempotency.IdempotentRequests;
import org.buildwithukraine.kit.security.Caller;
import org.buildwithukraine.kit.validation.OneOf;
import org.buildwithukraine.kit.web.Page;
import org.buildwithukraine.kit.web.PageRequest;
import org.buildwithukraine.routing.order.service.LicenceWork;
import org.buildwithukraine.routing.order.service.NewOrder;
import org.buildwithukraine.routing.order.service.OrderFilter;
import org.buildwithukraine.routing.order.service.OrderService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/orders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Orders", description = "Orders, where they were routed, and why")
@SecurityRequirement(name = "bearer")
public class OrderResource {

    private final OrderService orders;
    private final OrderViews views;
    private final IdempotentRequests idempotency;
    private final PlacementPasses placements;
    private final Caller caller;

    public OrderResource(OrderService orders, OrderViews views, IdempotentRequests idempotency,
            PlacementPasses placements, Caller caller) {
        this.orders = orders;
        this.views = views;
        this.idempotency = idempotency;
        this.placements = placements;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(ORDER_DESK)
    @Operation(summary = "Place an order; the answer is its routing decision (ROUTED, PARTIALLY_ROUTED, QUEUED or"
            + " REJECTED); over more than bwu.routing.placement-answer-lines lines it lists only the chosen ones"
            + " (candidatesComplete false), the order's decisions list them all. Retrying with the same"
            + " Idempotency-Key and body gives the same answer.")
    @APIResponse(responseCode = "201", description = "Placed, with its routing decision; a retry under the same Idempotency-Key answers the same",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = OrderResponse.class)))
    @APIResponse(responseCode = "503", description = "Not decided within bwu.routing.placement-timeout; a retry under"
            + " the same Idempotency-Key answers whether it was placed")
    public Response place(
            @Parameter(description = IdempotencyKey.REQUIRED_DOC, required = true)
            @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
            @NotNull @Valid PlaceOrderRequest request) {
        NewOrder order = new NewOrder(CustomerClass.valueOf(request.customerClass()), request.customer(),
                request.technologyCode(), request.quantity(), request.neededBy(), request.destinationCountry(),
                request.exportCentreId());
        // the scope keys placed before this one were stored under; the pass that places it runs elsewhere, in a
        // transaction shared with the orders of its technology that arrive meanwhile
        return placements.place(order, caller.actor(), idempotency.claim("POST /api/orders", idempotencyKey, order));
    }

    @GET
    @RolesAllowed(ORDER_DESK)
    @Operation(summary = "List orders, newest first, filtered and paged")
    public Page<OrderSummary> list(
            @QueryParam("state") @OneOf(OrderState.class) String state,
            @QueryParam("customerClass") @OneOf(CustomerClass.class) String customerClass,
            @QueryParam("technologyCode") @Size(max = 40) String technologyCode,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        OrderFilter filter = new OrderFilter(state == null ? null : OrderState.valueOf(state),
                customerClass == null ? null : CustomerClass.valueOf(customerClass), technologyCode);
        return orders.list(filter, new PageRequest(page, size)).map(OrderSummary::of);
    }

    @GET
    @Path("/work-under-licence/{licenceId}")
    @RolesAllowed(TECHNOLOGY_OFFICER)
    @Operation(summary = "The open orders with work under a licence: what is routed again if it is suspended, "
            + "revoked or cut (any licence, for the technology officers who decide on it)")
    public LicenceWork workUnderLicence(@PathParam("licenceId") @Size(max = 64) String licenceId) {
        return orders.workUnder(licenceId);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(ORDER_DESK)
    @Operation(summary = "One order with its allocations and latest routing decision")
    public OrderResponse get(@PathParam("id") String id) {
        return views.of(orders.get(id));
    }

    @GET
    @Path("/{id}/decisions")
    @RolesAllowed(ORDER_DESK)
    @Operation(summary = "Every routing decision about the order, oldest first, with why each line was chosen or"
            + " passed over")
    public List<DecisionResponse> decisions(@PathParam("id") String id) {
        return orders.decisions(id).stream().map(views::decision).toList();
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(ORDER_DESK)
    @Operation(summary = "Cancel an open order: its unbuilt work leaves the lines and waiting orders take the capacity")
    public OrderResponse cancel(@PathParam("id") String id, @Valid CancelOrderRequest request) {
        return views.of(orders.cancel(id, request == null ? null : request.reason(), caller.actor()));
    }
}
