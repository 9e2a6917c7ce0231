package org.buildwithukraine.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.buildwithukraine.gateway.openapi.OpenApiMerger;
import org.junit.jupiter.api.Test;

import io.vertx.core.json.JsonObject;

class OpenApiMergerTest {

    private final OpenApiMerger merger = new OpenApiMerger(RouteTable.API);

    @Test
    void keepsOnlyRoutedOperationsAndSaysWhatIsMissing() {
        Map<String, JsonObject> documents = new LinkedHashMap<>();
        documents.put("factory", new JsonObject("""
                {"openapi":"3.1.0","paths":{
                  "/api/factories":{"get":{"responses":{}},"post":{"responses":{},
                    "security":[{"SecurityScheme":["network-admin"]}]}},
                  "/api/factories/{id}":{"parameters":[{"name":"id","in":"path"}],"patch":{"responses":{}}},
                  "/hello":{"get":{"responses":{}}}}}"""));
        JsonObject merged = merger.merge(documents, List.of("routing"));

        JsonObject paths = merged.getJsonObject("paths");
        assertThat(paths.fieldNames()).containsExactlyInAnyOrder("/api/factories", "/api/factories/{id}");
        assertThat(paths.getJsonObject("/api/factories/{id}").fieldNames()).contains("parameters", "patch");
        assertThat(merged.getJsonArray("x-bwu-missing-services").getList()).containsExactly("routing");
        assertThat(paths.getJsonObject("/api/factories").getJsonObject("post").getJsonArray("security"))
                .isEqualTo(new io.vertx.core.json.JsonArray("[{\"bearer\":[]}]"));
        assertThat(merged.getJsonObject("info").getString("description")).contains("routing");
    }

    @Test
    void renamesClashingSchemasAndTheirReferences() {
        Map<String, JsonObject> documents = new LinkedHashMap<>();
        documents.put("factory", new JsonObject("""
                {"paths":{},"components":{"schemas":{"Page":{"type":"object","title":"factories"},
                  "Same":{"type":"string"}}}}"""));
        documents.put("production-line", new JsonObject("""
                {"paths":{"/api/lines/{lineId}":{"get":{"responses":{"200":{"content":{"application/json":
                  {"schema":{"$ref":"#/components/schemas/Page"}}}}}}}},
                 "components":{"schemas":{"Page":{"type":"object","title":"lines"},"Same":{"type":"string"}}}}"""));
        JsonObject merged = merger.merge(documents, List.of());

        JsonObject schemas = merged.getJsonObject("components").getJsonObject("schemas");
        assertThat(schemas.fieldNames()).containsExactlyInAnyOrder("Page", "ProductionlinePage", "Same", "Problem");
        assertThat(schemas.getJsonObject("ProductionlinePage").getString("title")).isEqualTo("lines");
        assertThat(merged.getJsonObject("paths").getJsonObject("/api/lines/{lineId}").getJsonObject("get")
                .getJsonObject("responses").getJsonObject("200").getJsonObject("content")
                .getJsonObject("application/json").getJsonObject("schema").getString("$ref"))
                .isEqualTo("#/components/schemas/ProductionlinePage");
    }

    @Test
    void documentsTheGatewaysOwnAnswersAsProblems() {
        Map<String, JsonObject> documents = new LinkedHashMap<>();
        documents.put("factory", new JsonObject("""
                {"paths":{"/api/factories":{
                  "get":{"responses":{"200":{"description":"A page"},"401":{"description":"Not authorized"}}},
                  "post":{"requestBody":{"content":{"application/json":{}}},
                    "responses":{"409":{"description":"Taken","content":{"application/problem+json":
                      {"schema":{"$ref":"#/components/schemas/Problem"}}}}}}}}}"""));
        JsonObject merged = merger.merge(documents, List.of());

        JsonObject factories = merged.getJsonObject("paths").getJsonObject("/api/factories");
        JsonObject list = factories.getJsonObject("get").getJsonObject("responses");
        assertThat(list.fieldNames()).containsExactlyInAnyOrder("200", "400", "401", "429", "502", "503", "504");
        assertThat(list.getJsonObject("200").containsKey("content")).as("a success keeps its own content").isFalse();
        assertThat(list.getJsonObject("401").getString("description")).isEqualTo("Not authorized");
        assertThat(list.getJsonObject("429").getJsonObject("content").getJsonObject("application/problem+json")
                .getJsonObject("schema").getString("$ref")).isEqualTo("#/components/schemas/Problem");
        assertThat(factories.getJsonObject("post").getJsonObject("responses").fieldNames())
                .containsExactlyInAnyOrder("400", "401", "408", "409", "413", "429", "502", "503", "504");
        assertThat(merged.getJsonObject("components").getJsonObject("schemas").getJsonObject("Problem")
                .getJsonArray("required").getList()).containsExactly("title", "status");
    }
}
