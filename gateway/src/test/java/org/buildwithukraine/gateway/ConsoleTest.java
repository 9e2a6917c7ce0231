package org.buildwithukraine.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
@StubbedPlatform
class ConsoleTest {

    private static final Pattern SCRIPT = Pattern.compile("<script type=\"module\" src=\"(/console/bundle/app-[A-Z0-9]+\\.js)\">");
    private static final Pattern STYLE = Pattern.compile("<link rel=\"stylesheet\" href=\"(/console/bundle/app-[A-Z0-9]+\\.css)\">");
    private static final String KEYCLOAK = "http://localhost:8180";

    @Test
    void theShellIsServedAtTheConsoleRootAndAtEveryDeepLink() {
        String root = shell("/console");
        assertThat(shell("/console/")).isEqualTo(root);
        assertThat(shell("/console/lines")).isEqualTo(root);
        assertThat(shell("/console/lines/UK-BRS-01")).isEqualTo(root);
        assertThat(root).contains("<bwu-console>");
    }

    @Test
    void theShellLoadsOnlyHashedBundleFilesAndNothingInline() {
        String shell = shell("/console/lines/DE-MUC-01");
        assertThat(shell).doesNotContain("<style").doesNotContain(" style=").doesNotContain("javascript:");
        assertThat(Pattern.compile("<script(?![^>]*\\ssrc=)").matcher(shell).find()).as("an inline script").isFalse();
        assertThat(SCRIPT.matcher(shell).find()).isTrue();
        assertThat(STYLE.matcher(shell).find()).isTrue();
    }

    @Test
    void theShellIsNeverCachedWithoutAskingAndCarriesAStrictPolicy() {
        Response response = given().get("/console/lines/DE-MUC-01");
        assertThat(response.header("Cache-Control")).isEqualTo("no-cache");
        String policy = response.header("Content-Security-Policy");
        assertThat(policy).contains("default-src 'none'", "script-src 'self'", "style-src 'self'",
                "connect-src 'self' " + KEYCLOAK, "frame-src " + KEYCLOAK, "frame-ancestors 'none'",
                "object-src 'none'", "base-uri 'none'");
        assertThat(policy).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval").doesNotContain("*");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void hashedBundleFilesAreCachedForAYear() {
        String shell = shell("/console");
        for (Pattern asset : new Pattern[] { SCRIPT, STYLE }) {
            Matcher file = asset.matcher(shell);
            assertThat(file.find()).isTrue();
            Response response = given().get(file.group(1));
            assertThat(response.statusCode()).as(file.group(1)).isEqualTo(200);
            assertThat(response.header("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
            assertThat(response.contentType()).startsWith(asset == SCRIPT ? "text/javascript" : "text/css");
            assertThat(response.header("Content-Security-Policy")).isNotBlank();
        }
    }

    @Test
    void aMissingBundleFileIsNotFoundAndNotCached() {
        Response response = given().get("/console/bundle/app-NOSUCHFILE.js");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        assertThat(response.asString()).doesNotContain("<bwu-console>");
    }

    @Test
    void theSignInSettingsComeFromConfiguration() {
        given().get("/console/config.json").then()
                .statusCode(200)
                .contentType("application/json")
                .header("Cache-Control", "no-cache")
                .body("keycloakUrl", equalTo(KEYCLOAK))
                .body("realm", equalTo("bwu"))
                .body("clientId", equalTo("bwu-console"));
    }

    @Test
    void theConsoleNeedsNoTokenButTheApiStillDoes() {
        given().get("/console").then().statusCode(200);
        given().get("/api/lines").then().statusCode(401);
    }

    private static String shell(String path) {
        Response response = given().get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.contentType()).as(path).startsWith("text/html");
        return response.asString();
    }
}
