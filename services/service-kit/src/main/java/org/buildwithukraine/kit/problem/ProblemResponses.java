package org.buildwithukraine.kit.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.PathItem.HttpMethod;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Documents, on every operation of a service's OpenAPI document, the problem answers the kit gives whatever the
 * resource does, each as {@code application/problem+json} with the {@link Problem} schema: 400 (the
 * {@link org.buildwithukraine.kit.web.RequestGuard}'s path checks, invalid parameters and bodies), 401 and 403 on a
 * secured operation, 404 where the path names a resource, 409 for a change (a state conflict, a concurrent change,
 * an idempotency key reused with another body), 408, 413 and 415 where a body is taken, and 503 (database or
 * identity provider out of reach). A status the resource documents itself keeps its description and content; one
 * documented without content gets the problem content. Runs when the document is built, so the served document
 * is what clients and the platform's fuzzer check answers against.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ProblemResponses implements OASFilter {

    static final String SCHEMA = "Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        boolean securedByDefault = openAPI.getSecurity() != null && !openAPI.getSecurity().isEmpty();
        boolean documented = false;
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (path.getValue().getOperations() == null) {
                continue;
            }
            for (Map.Entry<HttpMethod, Operation> operation : path.getValue().getOperations().entrySet()) {
                Operation op = operation.getValue();
                boolean secured = op.getSecurity() == null ? securedByDefault : !op.getSecurity().isEmpty();
                document(op, statuses(path.getKey(), operation.getKey(), op.getRequestBody() != null, secured));
                documented = true;
            }
        }
        if (documented) {
            if (openAPI.getComponents() == null) {
                openAPI.setComponents(OASFactory.createComponents());
            }
            openAPI.getComponents().addSchema(SCHEMA, schema());
        }
    }

    /** The problem answers an operation can give, by what it takes. */
    static Map<String, String> statuses(String path, HttpMethod method, boolean takesBody, boolean secured) {
        Map<String, String> statuses = new LinkedHashMap<>();
        statuses.put("400", "Invalid request: the offending fields are named in errors");
        if (secured) {
            statuses.put("401", "No valid bearer token");
            statuses.put("403", "The caller's role or factory does not allow this");
        }
        if (path.contains("{")) {
            statuses.put("404", "Not found");
        }
        if (takesBody) {
            statuses.put("408", "The request body did not arrive in time");
        }
        if (List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE).contains(method)) {
            statuses.put("409", "Conflict with the resource's state, a concurrent change or a reused Idempotency-Key");
        }
        if (takesBody) {
            statuses.put("413", "The request body is too large");
            statuses.put("415", "The request body's media type is not taken");
        }
        statuses.put("503", "A dependency (database, identity provider) is out of reach; nothing was changed, "
                + "retry after Retry-After");
        return statuses;
    }

    private static void document(Operation operation, Map<String, String> statuses) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        statuses.forEach((status, description) -> {
            APIResponse response = responses.getAPIResponse(status);
            if (response == null) {
                responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                        .content(problemContent()));
            } else if (response.getContent() == null || response.getContent().getMediaTypes() == null
                    || response.getContent().getMediaTypes().isEmpty()) {
                response.setContent(problemContent());
            }
        });
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(SCHEMA)));
    }

    /** {@link Problem} as it is written: {@code errors} only when there are some. */
    static Schema schema() {
        Schema fieldError = OASFactory.createSchema().addType(SchemaType.OBJECT)
                .addProperty("field", string()).addProperty("message", string());
        return OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("An RFC 9457 problem detail")
                .addRequired("title").addRequired("status")
                .addProperty("type", string())
                .addProperty("title", string())
                .addProperty("status", OASFactory.createSchema().addType(SchemaType.INTEGER))
                .addProperty("detail", string())
                .addProperty("instance", string())
                .addProperty("errors", OASFactory.createSchema().addType(SchemaType.ARRAY).items(fieldError));
    }

    private static Schema string() {
        return OASFactory.createSchema().addType(SchemaType.STRING);
    }
}
