package org.buildwithukraine.kit.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.junit.jupiter.api.Test;

class ProblemResponsesTest {

    private final Operation read = OASFactory.createOperation()
            .security(List.of(OASFactory.createSecurityRequirement().addScheme("bearer")))
            .responses(OASFactory.createAPIResponses().addAPIResponse("200", OASFactory.createAPIResponse()
                    .description("The thing")));
    private final Operation create = OASFactory.createOperation()
            .security(List.of(OASFactory.createSecurityRequirement().addScheme("bearer")))
            .requestBody(OASFactory.createRequestBody())
            .responses(OASFactory.createAPIResponses()
                    .addAPIResponse("201", OASFactory.createAPIResponse().description("Created"))
                    .addAPIResponse("409", OASFactory.createAPIResponse().description("Taken"))
                    .addAPIResponse("403", OASFactory.createAPIResponse().description("Only admins")
                            .content(OASFactory.createContent().addMediaType("text/plain",
                                    OASFactory.createMediaType()))));
    private final OpenAPI document = OASFactory.createOpenAPI().paths(OASFactory.createPaths()
            .addPathItem("/api/things/{id}", OASFactory.createPathItem().GET(read))
            .addPathItem("/api/things", OASFactory.createPathItem().POST(create)));

    @Test
    void documentsTheKitsProblemAnswersByWhatAnOperationTakes() {
        new ProblemResponses().filterOpenAPI(document);

        assertThat(read.getResponses().getAPIResponses().keySet())
                .containsExactlyInAnyOrder("200", "400", "401", "403", "404", "503");
        assertThat(create.getResponses().getAPIResponses().keySet())
                .containsExactlyInAnyOrder("201", "400", "401", "403", "408", "409", "413", "415", "503");
        assertThat(problemSchema(read.getResponses().getAPIResponse("404"))).isEqualTo("#/components/schemas/Problem");
        assertThat(document.getComponents().getSchemas()).containsKey("Problem");
    }

    @Test
    void keepsWhatAResourceDocumentsAndGivesProblemContentToAnErrorWithout() {
        new ProblemResponses().filterOpenAPI(document);

        APIResponse taken = create.getResponses().getAPIResponse("409");
        assertThat(taken.getDescription()).isEqualTo("Taken");
        assertThat(problemSchema(taken)).isEqualTo("#/components/schemas/Problem");
        assertThat(create.getResponses().getAPIResponse("403").getContent().getMediaTypes()).containsOnlyKeys("text/plain");
        assertThat(create.getResponses().getAPIResponse("201").getContent()).as("a success is the resource's").isNull();
    }

    private static String problemSchema(APIResponse response) {
        return response.getContent().getMediaType(Problem.MEDIA_TYPE).getSchema().getRef();
    }
}
