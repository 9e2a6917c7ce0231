package org.buildwithukraine.licence.rest;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Documents the value of an audited field before or after a change ({@link AuditRecordResponse.FieldChange}): text,
 * a whole number, yes/no, a list of texts, or null, as {@code Licence.auditView} writes them. The response holds it
 * as a JSON value, whose schema the annotations would take from Jackson's node types instead.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class AuditValueSchema implements OASFilter {

    static final String NAME = "AuditValue";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema(NAME, OASFactory.createSchema()
                .description("An audited field's value: text, a whole number, yes/no, a list of texts, or null")
                .addAnyOf(type(SchemaType.STRING))
                .addAnyOf(type(SchemaType.INTEGER).format("int64"))
                .addAnyOf(type(SchemaType.BOOLEAN))
                .addAnyOf(type(SchemaType.ARRAY).items(type(SchemaType.STRING)))
                .addAnyOf(type(SchemaType.NULL)));
    }

    private static Schema type(SchemaType type) {
        return OASFactory.createSchema().addType(type);
    }
}
