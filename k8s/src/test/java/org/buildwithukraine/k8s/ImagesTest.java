package org.buildwithukraine.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Image names and tags are set in one place, every application module has its own Dockerfile, and the build
 * builds exactly those images, each from its module's Dockerfile.
 */
class ImagesTest {

    private static final String DOCKERFILE = "src/main/docker/Dockerfile.jvm";

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
    void theBuildBuildsAndPushesEveryImageFromItsModulesOwnDockerfile() throws Exception {
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

        List<String> expected = new ArrayList<>();
        for (Path module : applicationModules()) {
            String image = "bwu/" + module.getFileName() + ":0.1.0";
            expected.add("build --pull -f " + module.resolve(DOCKERFILE) + " -t " + image + " " + module);
            expected.add("push " + image);
        }
        assertThat(out.lines()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void everyApplicationModuleHasItsOwnDockerfile() {
        assertThat(applicationModules()).extracting(m -> Manifests.repositoryRoot().relativize(m).toString().replace('\\', '/'))
                .containsExactlyInAnyOrder("services/factory-service", "services/licence-service",
                        "services/production-line-service", "services/order-routing-service", "gateway")
                .allSatisfy(m -> assertThat(Manifests.repositoryRoot().resolve(m).resolve(DOCKERFILE)).isRegularFile());
        assertThat(Manifests.moduleDir().resolve("images/Dockerfile.jvm")).doesNotExist();
    }

    @ParameterizedTest(name = "{0} runs the Quarkus JVM layout as a non-root user and exposes HTTP and management")
    @MethodSource("applicationModules")
    void theImageRunsTheQuarkusJvmLayoutAsANonRootUser(Path module) throws IOException {
        String dockerfile = Files.readString(module.resolve(DOCKERFILE));

        assertThat(dockerfile).contains("COPY target/quarkus-app/lib/ /deployments/lib/",
                "COPY target/quarkus-app/*.jar /deployments/", "COPY target/quarkus-app/app/ /deployments/app/",
                "COPY target/quarkus-app/quarkus/ /deployments/quarkus/", "/deployments/quarkus-run.jar",
                "-XX:MaxRAMPercentage=70", "-XX:+ExitOnOutOfMemoryError", "-XX:-UseCodeCacheFlushing");
        assertThat(dockerfile.lines().filter(l -> l.startsWith("USER "))).containsExactly("USER 185:185");
        assertThat(dockerfile.lines().filter(l -> l.startsWith("FROM "))).singleElement().asString().contains("17-jre");
        // the ports the pods declare (http, management) and the image's application listens on
        assertThat(dockerfile.lines().filter(l -> l.startsWith("EXPOSE "))).containsExactly("EXPOSE 8080 9000");
        assertThat(dockerfile).contains("QUARKUS_HTTP_PORT=8080", "QUARKUS_MANAGEMENT_PORT=9000", "MALLOC_ARENA_MAX=2");
    }

    /** The modules of the root build that package a Quarkus application. */
    static List<Path> applicationModules() {
        Path root = Manifests.repositoryRoot();
        try {
            List<Path> modules = new ArrayList<>();
            Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(root.resolve("pom.xml")));
            while (module.find()) {
                Path dir = root.resolve(module.group(1));
                Path pom = dir.resolve("pom.xml");
                if (Files.exists(pom) && Files.readString(pom).contains("<artifactId>quarkus-maven-plugin</artifactId>")) {
                    modules.add(dir);
                }
            }
            return modules;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
