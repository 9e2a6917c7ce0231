package org.buildwithukraine.kit.problem;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.buildwithukraine.kit.json.InvalidValueException;
import org.buildwithukraine.kit.json.UnknownFieldsException;
import org.buildwithukraine.kit.persistence.StaleConnections;
import org.buildwithukraine.kit.problem.Problem.FieldError;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Turns every failure into an RFC 9457 {@code application/problem+json} answer. A client's mistake never
 * becomes a 500; a 500 says nothing of the internals and is logged with the request path.
 *
 * <p>A database that cannot be reached ({@link DatabaseOutage}), whatever exception it surfaces in, is a 503
 * with {@code Retry-After} ({@link UnavailableConfig}), as is an identity provider whose keys cannot be fetched, and a
 * service's own {@link ProblemException#unavailable} (it could not serve the request in time).
 * The request changed nothing: its transaction never committed. The pool's idle connections are dropped
 * ({@link StaleConnections}), so that the requests after recovery do not fail on connections the outage killed.
 * An outage is logged as one WARN line without a stack at most once per {@code Retry-After} period, with the
 * number of requests refused since the last line, so that a database down under load does not bury the log in
 * one stack per request.
 */
public class ProblemMappers {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final ObjectMapper objectMapper;
    private final StaleConnections staleConnections;
    private final Duration retryAfter;
    private final Clock clock;
    private final AtomicReference<Instant> nextOutageLog = new AtomicReference<>(Instant.MIN);
    private final AtomicLong refusedSinceLog = new AtomicLong();

    public ProblemMappers(ObjectMapper objectMapper, StaleConnections staleConnections, UnavailableConfig unavailable,
            Clock clock) {
        this.objectMapper = objectMapper;
        this.staleConnections = staleConnections;
        this.retryAfter = unavailable.retryAfter();
        this.clock = clock;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        if (e.status() == 503) {
            return unavailable(e.getMessage(), uri);
        }
        return respond(e.status(), e.title(), e.getMessage(), uri, e.errors());
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            if (isReturnValue(violation.getPropertyPath())) {
                return unexpected(e, uri);
            }
            errors.add(new FieldError(fieldName(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(FieldError::field));
        return respond(400, "Invalid request", "The request has invalid fields", uri, errors);
    }

    /** Declared on its own so that it wins over the JSON provider's built-in mapper, which answers no body. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    /** A field the request type does not declare: the client meant something the service would not do. */
    @ServerExceptionMapper
    public Response unknownFields(UnrecognizedPropertyException e, UriInfo uri) {
        List<FieldError> errors;
        if (e instanceof UnknownFieldsException all) {
            String object = jsonPath(e.getPath());
            errors = all.names().stream()
                    .map(name -> new FieldError(object.isEmpty() ? name : object + "." + name, "unknown field"))
                    .toList();
        } else {
            errors = List.of(new FieldError(jsonPath(e.getPath()), "unknown field"));
        }
        return respond(400, "Invalid request", "The request has unknown fields", uri, errors);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = jsonPath(mapping.getPath());
            String message = e instanceof InvalidValueException invalid ? invalid.reason()
                    : "has a value of the wrong type or format";
            return respond(400, "Invalid request", "The request has invalid fields", uri,
                    List.of(new FieldError(field, message)));
        }
        return respond(400, "Malformed JSON", "The request body is not valid JSON", uri, List.of());
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return unauthorized(uri);
    }

    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException e, UriInfo uri) {
        return unauthorized(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(403, "Forbidden", "Your role does not allow this", uri, List.of());
    }

    /** Keycloak's keys could not be fetched yet: the caller may be fine, the platform is not ready. */
    @ServerExceptionMapper
    public Response identityProviderDown(OIDCException e, UriInfo uri) {
        LOG.warnf("Token not verifiable, identity provider unreachable: %s", e.getMessage());
        return unavailable("Tokens cannot be verified right now; retry shortly", uri);
    }

    @ServerExceptionMapper
    public Response concurrentChange(OptimisticLockException e, UriInfo uri) {
        return respond(409, "Conflict", "The resource was changed by someone else meanwhile; read it and retry",
                uri, List.of());
    }

    /** Two clients creating the same thing at once: the database's unique index decides, the loser gets 409. */
    @ServerExceptionMapper
    public Response persistence(PersistenceException e, UriInfo uri) {
        Optional<SQLException> outage = DatabaseOutage.in(e);
        if (outage.isPresent()) {
            return databaseUnavailable(outage.get(), uri);
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return respond(409, "Conflict", "It already exists", uri, List.of());
            }
        }
        return unexpected(e, uri);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            // the JSON provider wraps some of its parse failures (what follows a body's value, say) in a 400
            return unreadable(unreadable, uri);
        }
        if (e.getCause() instanceof IllegalArgumentException unconvertible) {
            // JAX-RS answers 404 for a query or path parameter of the wrong type; it is the request that is wrong
            return respond(400, "Invalid request", "A parameter has a value of the wrong type: "
                    + unconvertible.getMessage(), uri, List.of());
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "HTTP " + status;
        return respond(status, title, e.getMessage(), uri, List.of());
    }

    /** Whatever wraps it (a transaction's commit, a connection pool), a database out of reach is no bug. */
    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        Optional<SQLException> outage = DatabaseOutage.in(e);
        if (outage.isPresent()) {
            return databaseUnavailable(outage.get(), uri);
        }
        LOG.errorf(e, "Unexpected failure serving %s", uri.getPath());
        return respond(500, "Internal error", "The request could not be completed; it has been logged", uri,
                List.of());
    }

    private Response databaseUnavailable(SQLException outage, UriInfo uri) {
        staleConnections.dropAfterConnectionFailure();
        long refused = refusedSinceLog.incrementAndGet();
        Instant now = clock.instant();
        Instant due = nextOutageLog.get();
        if (!now.isBefore(due) && nextOutageLog.compareAndSet(due, now.plus(retryAfter))) {
            refusedSinceLog.addAndGet(-refused);
            LOG.warnf("Database unavailable, %d request(s) answered 503 since the last report, latest %s: %s (SQLState %s)",
                    refused, uri.getPath(), outage.getMessage(), outage.getSQLState());
        }
        return unavailable("The database cannot be reached right now; nothing was changed, retry shortly", uri);
    }

    private Response unavailable(String detail, UriInfo uri) {
        Response response = respond(503, "Service unavailable", detail, uri, List.of());
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, seconds).build();
    }

    private Response unauthorized(UriInfo uri) {
        Response response = respond(401, "Unauthorized", "A valid bearer token is required", uri, List.of());
        return Response.fromResponse(response).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    private Response respond(int status, String title, String detail, UriInfo uri, List<FieldError> errors) {
        Problem problem = new Problem("about:blank", title, status, detail, uri.getPath(), errors);
        try {
            return Response.status(status).type(Problem.MEDIA_TYPE).entity(objectMapper.writeValueAsString(problem))
                    .build();
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static boolean isReturnValue(Path path) {
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }

    /** "register.request.country" → "country"; a query parameter keeps its own name. */
    private static String fieldName(Path path) {
        List<String> names = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, CROSS_PARAMETER -> { }
                case PARAMETER -> parameter = node.getName();
                case CONTAINER_ELEMENT -> {
                    if (node.getIndex() != null && !names.isEmpty()) {
                        names.set(names.size() - 1, names.get(names.size() - 1) + "[" + node.getIndex() + "]");
                    }
                }
                default -> names.add(node.getIndex() != null ? node.getName() + "[" + node.getIndex() + "]"
                        : node.getName());
            }
        }
        return names.isEmpty() ? String.valueOf(parameter) : String.join(".", names);
    }

    private static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getFieldName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }
}
