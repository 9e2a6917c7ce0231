package org.buildwithukraine.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ParserConfiguration.LanguageLevel;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;

/**
 * The HTTP endpoints a service declares, read from its JAX-RS resources' sources: method, path template (class
 * and method {@code @Path} joined, regular expressions of variables dropped) and the realm roles of
 * {@code @RolesAllowed} (method over class; constants resolved from the kit's {@code Roles} and the file's own
 * constants). Read from source rather than by reflection so that the gateway's tests need none of the services
 * on their class path (their extensions would join the gateway's Quarkus boot). Anything it cannot resolve
 * fails loudly rather than being skipped.
 */
final class ServiceEndpoints {

    private static final ParserConfiguration JAVA_17 = new ParserConfiguration()
            .setLanguageLevel(LanguageLevel.JAVA_17);
    private static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
    private static final List<String> SECURITY = List.of("RolesAllowed", "PermitAll", "Authenticated", "DenyAll");

    /** One declared endpoint; {@code roles} empty with {@code anyCaller} for @PermitAll or @Authenticated. */
    record Endpoint(String service, String method, String path, Set<String> roles, boolean anyCaller, String source) {
        @Override
        public String toString() {
            return method + " " + path + " " + (anyCaller ? "(any caller)" : new TreeSet<>(roles)) + " of " + service
                    + " (" + source + ")";
        }
    }

    private ServiceEndpoints() {
    }

    /** Every endpoint of the service whose sources are under {@code moduleDir}/src/main/java. */
    static List<Endpoint> of(String service, Path moduleDir, Map<String, String> sharedConstants) {
        try (Stream<Path> files = Files.walk(moduleDir.resolve("src/main/java"))) {
            return files.filter(file -> file.toString().endsWith(".java")).sorted()
                    .flatMap(file -> endpoints(service, file, sharedConstants)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The String constants of a class such as the kit's Roles, by simple name. */
    static Map<String, String> constants(Path javaFile) {
        return constants(parse(javaFile));
    }

    private static Map<String, String> constants(CompilationUnit unit) {
        return unit.findAll(FieldDeclaration.class, field -> field.isStatic() && field.isFinal()).stream()
                .flatMap(field -> field.getVariables().stream())
                .filter(variable -> variable.getInitializer().filter(Expression::isStringLiteralExpr).isPresent())
                .collect(Collectors.toMap(VariableDeclarator::getNameAsString,
                        variable -> variable.getInitializer().orElseThrow().asStringLiteralExpr().asString(),
                        (outer, nested) -> nested));
    }

    private static Stream<Endpoint> endpoints(String service, Path file, Map<String, String> sharedConstants) {
        CompilationUnit unit = parse(file);
        Map<String, String> constants = new HashMap<>(sharedConstants);
        constants.putAll(constants(unit));
        String where = file.getFileName().toString();
        return unit.findAll(TypeDeclaration.class, type -> annotation(type, "Path").isPresent()).stream()
                .map(type -> (TypeDeclaration<?>) type)
                .flatMap(resource -> resource.getMethods().stream()
                        .flatMap(method -> endpoint(service, where, resource, method, constants).stream()));
    }

    private static Optional<Endpoint> endpoint(String service, String where, TypeDeclaration<?> resource,
            MethodDeclaration method, Map<String, String> constants) {
        Optional<String> httpMethod = method.getAnnotations().stream().map(ServiceEndpoints::simpleName)
                .filter(HTTP_METHODS::contains).findFirst();
        if (httpMethod.isEmpty()) {
            return Optional.empty();
        }
        String path = join(pathOf(resource, where), pathOf(method, where));
        // JAX-RS: any security annotation on the method replaces the class's, it does not add to them
        NodeWithAnnotations<?> secured = SECURITY.stream().anyMatch(name -> annotation(method, name).isPresent())
                ? method : resource;
        boolean anyCaller = annotation(secured, "PermitAll").isPresent()
                || annotation(secured, "Authenticated").isPresent();
        Set<String> roles = annotation(secured, "RolesAllowed").flatMap(ServiceEndpoints::value).stream()
                .flatMap(value -> value instanceof ArrayInitializerExpr array ? array.getValues().stream()
                        : Stream.of(value))
                .map(role -> role(role, constants, httpMethod.get() + " " + path + " in " + where))
                .collect(Collectors.toUnmodifiableSet());
        return Optional.of(new Endpoint(service, httpMethod.get(), path, roles, anyCaller, where));
    }

    private static String role(Expression role, Map<String, String> constants, String endpoint) {
        if (role instanceof StringLiteralExpr literal) {
            return literal.asString();
        }
        // a static import or Roles.X: the constant is known by its simple name either way
        String name = role instanceof NameExpr constant ? constant.getNameAsString()
                : role instanceof FieldAccessExpr qualified ? qualified.getNameAsString() : "";
        return Optional.ofNullable(constants.get(name)).orElseThrow(() -> new IllegalStateException(
                "Role " + role + " of " + endpoint + " is neither a string nor a known constant"));
    }

    private static String pathOf(NodeWithAnnotations<?> annotated, String where) {
        return annotation(annotated, "Path").map(path -> value(path).filter(Expression::isStringLiteralExpr)
                .map(value -> value.asStringLiteralExpr().asString())
                .orElseThrow(() -> new IllegalStateException(path + " in " + where + " is no plain string")))
                .orElse("");
    }

    /** {@code /api/lines/{lineId: [A-Z]+}} and {@code /x} → {@code /api/lines/{lineId}/x}. */
    private static String join(String base, String sub) {
        String path = ("/" + base + "/" + sub).replaceAll("/+", "/");
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path.replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}");
    }

    /** By simple name, so that {@code @jakarta.ws.rs.Path} counts as much as an imported {@code @Path}. */
    private static Optional<AnnotationExpr> annotation(NodeWithAnnotations<?> annotated, String simpleName) {
        return annotated.getAnnotations().stream().filter(a -> simpleName(a).equals(simpleName)).findFirst();
    }

    private static String simpleName(AnnotationExpr annotation) {
        return annotation.getName().getIdentifier();
    }

    private static Optional<Expression> value(AnnotationExpr annotation) {
        if (annotation instanceof SingleMemberAnnotationExpr single) {
            return Optional.of(single.getMemberValue());
        }
        if (annotation instanceof NormalAnnotationExpr normal) {
            return normal.getPairs().stream().filter(pair -> pair.getNameAsString().equals("value"))
                    .map(MemberValuePair::getValue).findFirst();
        }
        return Optional.empty();
    }

    private static CompilationUnit parse(Path file) {
        try {
            ParseResult<CompilationUnit> result = new JavaParser(JAVA_17).parse(file);
            return result.getResult().filter(unit -> result.isSuccessful())
                    .orElseThrow(() -> new IllegalStateException(file + " does not parse: " + result.getProblems()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
