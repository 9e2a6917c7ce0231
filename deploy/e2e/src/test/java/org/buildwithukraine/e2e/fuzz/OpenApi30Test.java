package org.buildwithukraine.e2e.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The 3.1 document's nullable values, as the services and the gateway write them, rewritten so that the 3.0
 * validator takes null where null is allowed, and still refuses it, and values of other types, where it is not.
 */
class OpenApi30Test {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One GET /x answering an object of these properties, with these components. */
    private static OpenApiInteractionValidator validator(String properties, String components) throws Exception {
        JsonNode document = JSON.readTree("""
                {"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
                 "paths": {"/x": {"get": {"responses": {"200": {"description": "ok", "content": {
                   "application/json": {"schema": {"type": "object", "properties": %s}}}}}}}},
                 "components": {"schemas": %s}}""".formatted(properties, components));
        return OpenApiInteractionValidator.createForInlineApiSpecification(OpenApi30.of(document).toString()).build();
    }

    private static List<String> errors(OpenApiInteractionValidator validator, String body) {
        ValidationReport report = validator.validateResponse("/x", Request.Method.GET,
                SimpleResponse.Builder.ok().withContentType("application/json").withBody(body).build());
        return report.getMessages().stream().filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .map(ValidationReport.Message::getMessage).toList();
    }

    @Test
    void aTypeListWithNull() throws Exception {
        OpenApiInteractionValidator validator = validator("""
                {"provisos": {"type": ["string", "null"]}, "cap": {"type": "integer"}}""", "{}");
        assertThat(errors(validator, "{\"provisos\": null, \"cap\": 1}")).isEmpty();
        assertThat(errors(validator, "{\"provisos\": \"x\", \"cap\": 1}")).isEmpty();
        assertThat(errors(validator, "{\"provisos\": 5, \"cap\": 1}")).isNotEmpty();
        assertThat(errors(validator, "{\"provisos\": \"x\", \"cap\": null}")).isNotEmpty();
    }

    @Test
    void aReferencedEnumOrNull() throws Exception {
        String reason = "{\"Reason\": {\"type\": \"string\", \"enum\": [\"POWER\", \"OTHER\"]}}";
        for (String alternatives : List.of("anyOf", "oneOf")) {
            OpenApiInteractionValidator validator = validator("""
                    {"reason": {"%s": [{"$ref": "#/components/schemas/Reason"}, {"type": "null"}]},
                     "strict": {"$ref": "#/components/schemas/Reason"}}""".formatted(alternatives), reason);
            assertThat(errors(validator, "{\"reason\": null, \"strict\": \"POWER\"}")).isEmpty();
            assertThat(errors(validator, "{\"reason\": \"OTHER\", \"strict\": \"POWER\"}")).isEmpty();
            assertThat(errors(validator, "{\"reason\": \"FLOOD\", \"strict\": \"POWER\"}")).isNotEmpty();
            assertThat(errors(validator, "{\"reason\": null, \"strict\": null}")).isNotEmpty();
        }
    }

    @Test
    void aReferencedObjectOrNull() throws Exception {
        OpenApiInteractionValidator validator = validator("""
                {"before": {"anyOf": [{"$ref": "#/components/schemas/Terms"}, {"type": "null"}]}}""", """
                {"Terms": {"type": "object", "properties": {"cap": {"type": "integer"}}}}""");
        assertThat(errors(validator, "{\"before\": null}")).isEmpty();
        assertThat(errors(validator, "{\"before\": {\"cap\": 3}}")).isEmpty();
        assertThat(errors(validator, "{\"before\": {\"cap\": \"three\"}}")).isNotEmpty();
        assertThat(errors(validator, "{\"before\": \"terms\"}")).isNotEmpty();
    }

    @Test
    void severalTypesOrNull() throws Exception {
        OpenApiInteractionValidator validator = validator("""
                {"organization": {"type": ["array", "object", "null"]},
                 "value": {"anyOf": [{"type": "string"}, {"type": "integer"}, {"type": "array",
                   "items": {"type": "string"}}, {"type": "null"}]}}""", "{}");
        assertThat(errors(validator, "{\"organization\": null, \"value\": null}")).isEmpty();
        assertThat(errors(validator, "{\"organization\": [\"de-munich\"], \"value\": [\"LT\"]}")).isEmpty();
        assertThat(errors(validator, "{\"value\": 7}")).isEmpty();
        assertThat(errors(validator, "{\"organization\": \"de-munich\"}")).isNotEmpty();
        assertThat(errors(validator, "{\"value\": true}")).isNotEmpty();
    }
}
