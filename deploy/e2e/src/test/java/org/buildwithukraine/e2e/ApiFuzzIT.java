package org.buildwithukraine.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.buildwithukraine.e2e.fuzz.ApiDescription;
import org.buildwithukraine.e2e.fuzz.ApiDescription.Operation;
import org.buildwithukraine.e2e.fuzz.CaseGenerator;
import org.buildwithukraine.e2e.fuzz.FuzzCase;
import org.buildwithukraine.e2e.fuzz.FuzzCase.Kind;
import org.buildwithukraine.e2e.fuzz.FuzzTable;
import org.buildwithukraine.e2e.fuzz.OpenApi30;
import org.buildwithukraine.e2e.fuzz.Values;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.config.EncoderConfig;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every operation of the gateway's merged OpenAPI document, fuzzed: valid, boundary and malformed requests
 * (parameters and bodies) as every role's real token and as nobody. Each answer must be no 5xx, a status the
 * operation documents, a body valid against the documented schema (Atlassian's OpenAPI validator) and
 * problem+json for a 4xx; the requests that must be refused (malformed, anonymous) are sent first, as one batch,
 * and must change nothing (no event written by any service's outbox, every collection's total the same).
 *
 * <p>Runs last in the suite, on the demo data and whatever the mission left: its valid requests may create and
 * change things. {@code -Dfuzz.profile=fast} sends a few seeded requests per operation and caller; {@code full}
 * many more with a random seed ({@code deploy/fuzz/run.sh}); {@code -Dfuzz.seed=N} replays a run. The table of what
 * was sent and seen is printed and written to {@code target/fuzz-report.txt}. The fast profile is the pom's default,
 * so the suite runs it; {@code -Dfuzz.profile=off} leaves it out.
 */
@Order(100)
@EnabledIfSystemProperty(named = "fuzz.profile", matches = "fast|full",
        disabledReason = "-Dfuzz.profile is neither fast nor full")
@DisplayName("Fuzzing every endpoint from the OpenAPI description")
class ApiFuzzIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOBODY = "none";
    private static final List<String> USERS = List.of("netadmin", "officer", "desk", "ops", "maker-de", "maker-uk");
    private static final String MES = "mes-de-munich";
    private static final List<String> OUTBOX_SERVICES = List.of("FACTORY", "LICENCE", "PRODUCTION_DE", "PRODUCTION_UK",
            "ROUTING");
    private static final Pattern EVENTS_WRITTEN = Pattern
            .compile("(?m)^bwu_outbox_(?:published_total|pending)(?:\\{[^}]*\\})? (\\S+)(?: #.*)?$");
    private static final RestAssuredConfig CONFIG = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false))
            .httpClient(HttpClientConfig.httpClientConfig().setParam("http.connection.timeout", 5_000)
                    .setParam("http.socket.timeout", 30_000));

    /** HTTP 207 Multi-Status: a batch's answer, with a status of its own for each item. */
    private static final int MULTI_STATUS = 207;
    /** Violations printed with the table; the report file lists them all. */
    private static final int VIOLATIONS_PRINTED = 60;
    /** How long the platform's snapshot must stay the same to count as quiet. */
    private static final Duration QUIET = Duration.ofSeconds(3);

    private final String profile = System.getProperty("fuzz.profile");
    private final long seed = seed();
    private final Map<String, List<String>> collectionIds = new LinkedHashMap<>();
    private final Map<String, Set<String>> fieldValues = new LinkedHashMap<>();

    @Test
    @DisplayName("no 5xx, only documented statuses and bodies, problem+json for 4xx, refused requests change nothing")
    void fuzzEveryOperation() {
        if (Api.asUser("desk").get("/api/factories/de-munich").statusCode() != 200) {
            Platform.get().up(true);
        }
        System.out.printf("API fuzz: profile %s, seed %d (replay with -Dfuzz.seed=%d)%n", profile, seed, seed);
        String text = documentWithEveryService();
        write("fuzz.document", "target/fuzz-openapi.json", text);
        ApiDescription api = new ApiDescription(readJson(text));
        OpenApiInteractionValidator validator = OpenApiInteractionValidator
                .createForInlineApiSpecification(OpenApi30.of(api.document()).toString())
                .withLevelResolver(LevelResolver.create().withLevel("validation.request", ValidationReport.Level.IGNORE)
                        .build())
                .build();
        Values values = new Values(seed);
        harvest(api, values);
        CaseGenerator generator = new CaseGenerator(values,
                collection -> collectionIds.getOrDefault(collection, List.of()));
        Batches batches = generate(api, generator, values);

        FuzzTable table = new FuzzTable(profile, seed, api.operations().size());
        long start = System.nanoTime();
        Map<String, Long> before = quietSnapshot(api);
        for (FuzzCase request : batches.mustBeRefused()) {
            check(request, send(request), validator, table);
        }
        Map<String, Long> after = quietSnapshot(api);
        if (!after.equals(before)) {
            table.violation("state", "refused requests changed the platform: before " + before + ", after " + after);
        }
        for (FuzzCase request : batches.mayPass()) {
            check(request, send(request), validator, table);
        }
        table.finished(System.nanoTime() - start);
        System.out.println(table.render(VIOLATIONS_PRINTED));
        write("fuzz.report", "target/fuzz-report.txt", table.render(Integer.MAX_VALUE));
        assertThat(table.violations()).as("violations (seed %d):%n%s", seed, String.join("\n", table.violations()))
                .isEmpty();
    }

    /**
     * For each operation and caller (nobody: one anonymous request), {@code perCaller} requests, every other one of
     * a kind that must be refused where the operation has such kinds; each batch shuffled, so that no caller's
     * allowance at the gateway is spent on one operation's burst.
     */
    private Batches generate(ApiDescription api, CaseGenerator generator, Values values) {
        int perCaller = profile.equals("full") ? 40 : 4;
        List<FuzzCase> mustBeRefused = new ArrayList<>();
        List<FuzzCase> mayPass = new ArrayList<>();
        for (Operation operation : api.operations()) {
            List<Kind> kinds = CaseGenerator.kinds(operation);
            List<Kind> refusedKinds = kinds.stream().filter(kind -> kind.mustBeRefused() && kind != Kind.ANONYMOUS)
                    .toList();
            List<Kind> passingKinds = kinds.stream().filter(kind -> !kind.mustBeRefused()).toList();
            for (String caller : callers()) {
                if (caller.equals(NOBODY)) {
                    mustBeRefused.add(generator.generate(operation, caller, Kind.ANONYMOUS));
                    continue;
                }
                for (int i = 0; i < perCaller; i++) {
                    boolean refused = !refusedKinds.isEmpty() && i % 2 == 0;
                    Kind kind = values.pick(refused ? refusedKinds : passingKinds);
                    (kind.mustBeRefused() ? mustBeRefused : mayPass).add(generator.generate(operation, caller, kind));
                }
            }
        }
        Collections.shuffle(mustBeRefused, new Random(seed));
        Collections.shuffle(mayPass, new Random(seed + 1));
        return new Batches(mustBeRefused, mayPass);
    }

    private record Batches(List<FuzzCase> mustBeRefused, List<FuzzCase> mayPass) {
    }

    private List<String> callers() {
        List<String> callers = new ArrayList<>(USERS);
        callers.add(MES);
        callers.add(NOBODY);
        return callers;
    }

    private void check(FuzzCase request, Response response, OpenApiInteractionValidator validator, FuzzTable table) {
        int status = response.statusCode();
        String contentType = response.contentType() == null ? "" : response.contentType();
        table.answered(request, status);
        Operation operation = request.operation();
        String where = operation.name();
        if (status >= 500) {
            table.violation("5xx", status + " for " + request.describe() + " → " + excerpt(response));
            return;
        }
        if (!operation.documents(status)) {
            table.violation("undocumented status", where + ": " + status + " for " + request.describe() + " → "
                    + excerpt(response));
        }
        if (status >= 400 && !contentType.startsWith(Api.PROBLEM_JSON)) {
            table.violation("not problem+json", where + ": " + status + " as '" + contentType + "' for "
                    + request.describe());
        }
        boolean refused = status >= 400 || status == MULTI_STATUS && everyItemRefused(response);
        if (request.kind().mustBeRefused() && !refused) {
            table.violation("accepted though malformed", where + ": " + status + " for " + request.describe());
        }
        if (operation.documents(status)) {
            SimpleResponse.Builder answer = SimpleResponse.Builder.status(status);
            if (!contentType.isEmpty()) {
                answer.withContentType(contentType);
            }
            if (contentType.contains("json")) {
                answer.withBody(response.asString());
            }
            ValidationReport report;
            try {
                report = validator.validateResponse(operation.path().replaceAll("\\{[^}]+}", "x"),
                        Request.Method.valueOf(operation.method()), answer.build());
            } catch (RuntimeException e) {
                table.violation("validator failed", where + " " + status + ": " + e + " — for " + request.describe());
                return;
            }
            for (ValidationReport.Message message : report.getMessages()) {
                // only JSON bodies are handed to the validator: a file's bytes have no schema to be held to
                boolean unreadBody = !contentType.contains("json")
                        && message.getKey().equals("validation.response.body.missing");
                if (message.getLevel() == ValidationReport.Level.ERROR && !unreadBody) {
                    table.violation("body not as documented", where + " " + status + ": " + message.getKey() + " "
                            + message.getMessage().replace('\n', ' ') + " — for " + request.describe());
                }
            }
        }
    }

    /**
     * A batch is refused item by item: the request as a whole is taken (207) and each item has the status the single
     * request would have had. A malformed batch is refused so when every one of its items is.
     */
    private static boolean everyItemRefused(Response response) {
        JsonNode results = readJson(response.asString()).path("results");
        if (!results.isArray() || results.isEmpty()) {
            return false;
        }
        for (JsonNode result : results) {
            if (result.path("status").asInt() < 400) {
                return false;
            }
        }
        return true;
    }

    private Response send(FuzzCase request) {
        RequestSpecification spec = given().config(CONFIG).baseUri(Platform.get().gatewayUrl())
                .urlEncodingEnabled(false).accept("application/json, application/problem+json, */*");
        Supplier<String> token = token(request.caller());
        if (token != null) {
            spec.auth().oauth2(token.get());
        }
        request.headers().forEach(spec::header);
        if (request.body() != null) {
            spec.contentType(request.contentType()).body(request.body());
        }
        for (int attempt = 0;; attempt++) {
            try {
                return spec.request(request.operation().method(), request.target());
            } catch (RuntimeException e) {
                if (attempt == 2) {
                    throw new AssertionError("No answer to " + request.describe(), e);
                }
            }
        }
    }

    private static Supplier<String> token(String caller) {
        if (caller.equals(NOBODY)) {
            return null;
        }
        return caller.equals(MES) ? () -> Tokens.client(MES) : () -> Tokens.user(caller);
    }

    /**
     * What the platform holds, read through its lists: the ids each collection answers (for path parameters) and
     * the values of every field seen (for parameters and properties of the same name). Lists with path parameters
     * are read once the lists before them have given ids.
     */
    private void harvest(ApiDescription api, Values values) {
        List<Operation> lists = api.operations().stream().filter(operation -> operation.method().equals("GET"))
                .toList();
        CaseGenerator filler = new CaseGenerator(values, collection -> collectionIds.getOrDefault(collection, List.of()));
        for (int round = 0; round < 3; round++) {
            for (Operation list : lists) {
                if (round == 0 && list.path().contains("{") || round > 0 && !list.path().contains("{")) {
                    continue;
                }
                String path = round == 0 ? list.path() : filler.generate(list, MES, Kind.VALID).path();
                JsonNode answer = readAsAnyone(path);
                if (answer != null) {
                    List<String> ids = new ArrayList<>();
                    JsonNode items = answer.isArray() ? answer : answer.path("items");
                    items.forEach(item -> {
                        for (String key : List.of("id", "code", "lineId", "reportId", "revision", "name")) {
                            if (item.path(key).isValueNode()) {
                                ids.add(item.path(key).asText());
                                break;
                            }
                        }
                    });
                    if (!ids.isEmpty()) {
                        collectionIds.put(path, ids);
                    }
                    collect(answer);
                }
            }
            fieldValues.forEach((field, seen) -> values.know(field, seen));
        }
    }

    private JsonNode readAsAnyone(String path) {
        for (String caller : List.of("netadmin", "officer", "desk", "maker-de", "ops")) {
            Response response = given().config(CONFIG).baseUri(Platform.get().gatewayUrl()).urlEncodingEnabled(false)
                    .auth().oauth2(Tokens.user(caller)).get(path);
            if (response.statusCode() == 200 && String.valueOf(response.contentType()).contains("json")) {
                return readJson(response.asString());
            }
        }
        return null;
    }

    private void collect(JsonNode node) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                List<JsonNode> texts = new ArrayList<>();
                if (field.getValue().isTextual()) {
                    texts.add(field.getValue());
                } else if (field.getValue().isArray()) {
                    field.getValue().forEach(element -> {
                        if (element.isTextual()) {
                            texts.add(element);
                        }
                    });
                }
                Set<String> seen = fieldValues.computeIfAbsent(field.getKey(), name -> new LinkedHashSet<>());
                texts.stream().map(JsonNode::asText).filter(text -> text.length() <= 64 && seen.size() < 30)
                        .forEach(seen::add);
                if (texts.isEmpty()) {
                    collect(field.getValue());
                }
            });
        } else if (node.isArray()) {
            node.forEach(this::collect);
        }
    }

    /**
     * The snapshot once the platform is quiet: every event applied ({@link Platform#awaitEventsApplied}) and the
     * snapshot the same twice, {@link #QUIET} apart. Earlier tests' events may still be on their way through the
     * services when the fuzzer starts, and a consumer's news is written only once it has applied what it consumed.
     */
    private Map<String, Long> quietSnapshot(ApiDescription api) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        Map<String, Long> last = null;
        while (true) {
            Platform.get().awaitEventsApplied(Duration.ofMinutes(2));
            Map<String, Long> now = snapshot(api);
            if (now.equals(last)) {
                return now;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The platform is not quiet: " + last + ", then " + now);
            }
            last = now;
            pause(QUIET);
        }
    }

    /**
     * What any change would move: every service's outbox events ever written (published + pending) and the total
     * of every list without path parameters, as the first role that may read it sees it.
     */
    private Map<String, Long> snapshot(ApiDescription api) {
        Map<String, Long> snapshot = new TreeMap<>();
        for (String service : OUTBOX_SERVICES) {
            Matcher written = EVENTS_WRITTEN.matcher(Platform.get().metrics(service));
            double events = 0;
            while (written.find()) {
                events += Double.parseDouble(written.group(1));
            }
            snapshot.put(service + " events", (long) events);
        }
        for (Operation operation : api.operations()) {
            if (operation.method().equals("GET") && !operation.path().contains("{")) {
                JsonNode answer = readAsAnyone(operation.path());
                if (answer != null && answer.path("total").isNumber()) {
                    snapshot.put(operation.path(), answer.path("total").asLong());
                }
            }
        }
        return snapshot;
    }

    /** The merged document once every service's part is in it (they start at their own pace). */
    private static String documentWithEveryService() {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (true) {
            Response response = given().config(CONFIG).baseUri(Platform.get().gatewayUrl()).get("/q/openapi");
            if (response.statusCode() == 200 && !readJson(response.asString()).has("x-bwu-missing-services")) {
                return response.asString();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The gateway's OpenAPI document still misses services: " + response.asString());
            }
            pause(Duration.ofSeconds(1));
        }
    }

    private static void pause(Duration duration) {
        try {
            TimeUnit.MILLISECONDS.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long seed() {
        String given = System.getProperty("fuzz.seed", "");
        if (!given.isBlank()) {
            return Long.parseLong(given.trim());
        }
        return profile.equals("full") ? new Random().nextLong() : 17L;
    }

    private static String excerpt(Response response) {
        String body = response.asString();
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    private static JsonNode readJson(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(String property, String fallback, String text) {
        try {
            Path file = Path.of(System.getProperty(property, fallback));
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
