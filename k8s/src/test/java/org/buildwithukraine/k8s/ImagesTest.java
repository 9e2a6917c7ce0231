package org.buildwithukraine.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Image names and tags are set in one place, and the build builds exactly those images from the modules. */
class ImagesTest {

    @Test
    void everyContainerImageIsNamedAndTaggedByTheKustomizationImages() throws IOException {
        JsonNode kustomization = Manifests.YAML.readTree(Manifests.moduleDir().resolve("base/kustomization.yaml").toFile());
        List<String> declared = kustomization.path("images").findValues("name").stream().map(JsonNode::asText).toList();

        for (String overlay : Manifests.OVERLAYS) {
            Manifests.ofKind(Manifests.overlay(overlay), "Deployment").forEach(d -> {
                String image = d.at("/spec/template/spec/containers/0/image").asText();
                String tag = image.substring(image.lastIndexOf(':') + 1);
                assertThat(declared).as(image).anyMatch(name -> image.startsWith(name + ":"));
                assertThat(tag).isEqualTo(kustomization.path("images").get(0).path("newTag").asText());
            });
        }
    }

    @Test
    void theBuildBuildsAndPushesEveryImageFromItsModule() throws Exception {
        // DOCKER=echo prints the commands instead of running them (no Docker engine runs here)
        ProcessBuilder dryRun = new ProcessBuilder("bash", Manifests.moduleDir().resolve("images/build.sh").toString(), "--push=true")
                .redirectErrorStream(true);
        dryRun.environment().put("DOCKER", "echo");
        Process p = dryRun.start();
        String out;
        try (var in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();

        Path root = Manifests.repositoryRoot();
        List<String> lines = out.lines().toList();
        assertThat(lines).hasSize(10);
        for (String app : List.of("factory-service", "licence-service", "production-line-service", "order-routing-service")) {
            assertThat(lines).contains("build --pull -f " + Manifests.moduleDir().resolve("images/Dockerfile.jvm")
                    + " -t bwu/" + app + ":0.1.0 " + root.resolve("services").resolve(app));
            assertThat(lines).contains("push bwu/" + app + ":0.1.0");
            assertThat(root.resolve("services").resolve(app).resolve("pom.xml")).exists();
        }
        assertThat(lines).contains("build --pull -f " + Manifests.moduleDir().resolve("images/Dockerfile.jvm")
                + " -t bwu/gateway:0.1.0 " + root.resolve("gateway"));
    }

    @Test
    void theImageRunsTheQuarkusJvmLayoutAsANonRootUser() throws IOException {
        String dockerfile = Files.readString(Manifests.moduleDir().resolve("images/Dockerfile.jvm"));

        assertThat(dockerfile).contains("COPY target/quarkus-app/lib/ /deployments/lib/",
                "COPY target/quarkus-app/*.jar /deployments/", "COPY target/quarkus-app/app/ /deployments/app/",
                "COPY target/quarkus-app/quarkus/ /deployments/quarkus/", "/deployments/quarkus-run.jar");
        assertThat(dockerfile.lines().filter(l -> l.startsWith("USER "))).containsExactly("USER 185:185");
        assertThat(dockerfile.lines().filter(l -> l.startsWith("FROM "))).singleElement().asString().contains("17-jre");
    }
}
