package org.buildwithukraine.kit.idempotency;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.buildwithukraine.kit.problem.ProblemException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Makes a creating POST safe to retry: the first request with a key runs and its answer is stored in the same
 * transaction; the same key with the same body later gets that stored answer, byte for byte, without running
 * again; the same key with another body is a 409.
 * <p>
 * The key row is inserted before the action runs, so a second request with the same key that arrives while the
 * first is still running waits on the primary key until the first commits (then replays its answer) or rolls
 * back (then runs itself). A failed request stores nothing: errors are not replayed, a retry runs afresh.
 */
@ApplicationScoped
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_KEY_LENGTH = 200;

    private final EntityManager entityManager;
    private final ObjectMapper objectMapper;
    private final IdempotencyConfig config;
    private final Clock clock;

    public IdempotentRequests(EntityManager entityManager, ObjectMapper objectMapper, IdempotencyConfig config,
            Clock clock) {
        this.entityManager = entityManager;
        this.objectMapper = objectMapper;
        this.config = config;
        this.clock = clock;
    }

    /** What the action answers the first time; {@code location} may be null. */
    public record Answer(int status, URI location, Object body) {
    }

    /**
     * Runs {@code action} once per scope and key, inside the caller's transaction.
     *
     * @param scope   what the key is unique within, e.g. the operation and the caller
     * @param key     the client's Idempotency-Key header
     * @param request the parsed request body; two requests are the same when their JSON forms are equal
     * @return the answer as JSON, with the stored status and Location on a replay
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Response once(String scope, String key, Object request, Supplier<Answer> action) {
        validate(key);
        String hash = hash(request);
        int inserted = entityManager.createNativeQuery("""
                insert into idempotency_key (scope, key, request_hash, created_at) values (?1, ?2, ?3, ?4)
                on conflict do nothing""")
                .setParameter(1, scope)
                .setParameter(2, key)
                .setParameter(3, hash)
                .setParameter(4, clock.instant())
                .executeUpdate();
        if (inserted == 0) {
            return replay(scope, key, hash);
        }
        Answer answer = action.get();
        String body = json(answer.body());
        entityManager.createNativeQuery("""
                update idempotency_key set response_status = ?3, response_location = ?4, response_body = ?5
                where scope = ?1 and key = ?2""")
                .setParameter(1, scope)
                .setParameter(2, key)
                .setParameter(3, answer.status())
                .setParameter(4, answer.location() == null ? null : answer.location().toString())
                .setParameter(5, body)
                .executeUpdate();
        return response(answer.status(), answer.location() == null ? null : answer.location().toString(), body);
    }

    @Scheduled(identity = "idempotency-housekeeping", every = "1h", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void forgetOldKeys() {
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("delete from idempotency_key where created_at < ?1")
                .setParameter(1, clock.instant().minus(config.retention()))
                .executeUpdate());
    }

    private Response replay(String scope, String key, String hash) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select request_hash, response_status, response_location, response_body from idempotency_key
                where scope = ?1 and key = ?2""")
                .setParameter(1, scope)
                .setParameter(2, key)
                .getResultList();
        if (rows.isEmpty()) {
            // forgotten by housekeeping between our insert attempt and now: ask the client to retry
            throw ProblemException.conflict("Idempotency-Key " + key + " is being reused; retry the request");
        }
        Object[] row = rows.get(0);
        if (!hash.equals(row[0])) {
            throw ProblemException.conflict(
                    "Idempotency-Key " + key + " was already used for a different request; use a new key");
        }
        return response(((Number) row[1]).intValue(), (String) row[2], (String) row[3]);
    }

    private static Response response(int status, String location, String body) {
        Response.ResponseBuilder response = Response.status(status).type(MediaType.APPLICATION_JSON).entity(body);
        if (location != null) {
            response.location(URI.create(location));
        }
        return response.build();
    }

    private static void validate(String key) {
        if (key == null || key.isBlank()) {
            throw ProblemException.invalid(HEADER, "is required: a unique value per request, reused on retries");
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw ProblemException.invalid(HEADER, "must be at most " + MAX_KEY_LENGTH + " characters");
        }
    }

    private String hash(Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private String json(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }
}
