package org.buildwithukraine.kit.idempotency;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.buildwithukraine.kit.problem.ProblemException;
import org.buildwithukraine.kit.security.Caller;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Makes a creating POST safe to retry, the one way every service does it: the first request with a key runs and its
 * answer is stored in the same transaction; the same key with the same body later gets that stored answer (status,
 * body, Location), byte for byte, without running again; the same key with another body is a 409 naming the key; a
 * malformed key is a 400 naming the header (see {@link IdempotencyKey}). Keys are the caller's own: the scope of a key
 * is the operation and the caller's actor, so two callers' equal keys are two requests.
 * <p>
 * The key row is inserted before the action runs, so a second request with the same key that arrives while the
 * first is still running waits on the primary key until the first commits (then replays its answer) or rolls
 * back (then runs itself). A failed request stores nothing: errors are not replayed, a retry runs afresh. A key is
 * remembered for {@code bwu.idempotency.retention}; a retry after that runs as a new request.
 * <p>
 * <b>Required or optional — the one rule.</b> A key is {@linkplain #required required} where nothing in the body can
 * tell a retry from a second request, because two requests with the same body may rightly mean two things: placing
 * an order (two orders on the same terms are two orders). Everywhere else a twin of a request is recognisable by its
 * content, so the key is {@linkplain #optional optional} and a request without one runs each time it is sent, as it
 * always did: where the body names what it creates (a factory's id, a technology's code) the twin is a 409; a
 * licence or a draft revision is created again, a visible twin with the same terms. Where the body's own id is the
 * key (a status report's {@code reportId}), the stored record is the stored answer and its service applies the same
 * answers through {@link IdempotencyKey#reusedForAnotherRequest()}, without a second row per request.
 * <p>
 * A small service the resources call rather than an interceptor binding: the scope needs the operation's own
 * parameters (a technology code, the caller), the hashed request is the parsed body the resource already holds,
 * and the resource builds the answer from the domain result, so the service layer never sees an HTTP type. Called
 * from a {@code @Transactional} resource method, so that the key, the change and its events commit together.
 * <p>
 * <b>Several requests in one transaction.</b> Where one transaction serves several requests (a routing pass that
 * places every order queued meanwhile), each request's {@linkplain #claim claim} is taken on its own thread, where
 * its caller is known, and the transaction {@linkplain #reserve reserves} them, runs the fresh ones and
 * {@linkplain #store stores} their answers, all committed together or not at all. A refused claim (the key used for
 * another body) is answered alone and does not roll the shared transaction back. Two claims on one key in one
 * transaction: the first reserves it, the second is {@linkplain #replay replayed} after the first's answer is stored
 * (or refused with 409 if its body differs), so the request runs once. A transaction reserving several keys should
 * reserve them in {@link Claim#ORDER}, so that two such transactions never wait for each other's keys in a circle.
 */
@ApplicationScoped
public class IdempotentRequests {

    private final EntityManager entityManager;
    private final ObjectMapper objectMapper;
    private final IdempotencyConfig config;
    private final Clock clock;
    private final Caller caller;

    public IdempotentRequests(EntityManager entityManager, ObjectMapper objectMapper, IdempotencyConfig config,
            Clock clock, Caller caller) {
        this.entityManager = entityManager;
        this.objectMapper = objectMapper;
        this.config = config;
        this.clock = clock;
        this.caller = caller;
    }

    /** What the action answers the first time; {@code location} may be null. */
    public record Answer(int status, URI location, Object body) {

        public static Answer created(URI location, Object body) {
            return new Answer(201, location, body);
        }
    }

    /**
     * An answer as stored under a key: JSON, with its status and Location (may be null). Turned into a JAX-RS
     * response only on the request's own thread ({@link #response()}), since a transaction serving several requests
     * may run on another.
     */
    public record StoredAnswer(int status, String location, String body) {

        public Response response() {
            Response.ResponseBuilder response = Response.status(status).type(MediaType.APPLICATION_JSON).entity(body);
            if (location != null) {
                response.location(URI.create(location));
            }
            return response.build();
        }
    }

    /**
     * Runs {@code action} once per caller, operation and key, inside the caller's transaction; 400 without a key.
     *
     * @param operation what the key is unique within for a caller, e.g. {@code "licences.grant"}
     * @param header    the client's {@value IdempotencyKey#HEADER} header
     * @param request   the parsed request; two requests are the same when their JSON forms are equal
     * @return the answer as JSON, with the stored status and Location on a replay
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Response required(String operation, String header, Object request, Supplier<Answer> action) {
        return once(operation, IdempotencyKey.required(header), request, action);
    }

    /** As {@link #required}, where a key is optional: without one, {@code action} runs and is answered as it is. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Response optional(String operation, String header, Object request, Supplier<Answer> action) {
        Optional<IdempotencyKey> key = IdempotencyKey.optional(header);
        if (key.isEmpty()) {
            Answer answer = action.get();
            return Response.status(answer.status()).location(answer.location()).entity(answer.body()).build();
        }
        return once(operation, key.get(), request, action);
    }

    /**
     * A request's claim on its key, taken where its caller is known; it touches nothing until {@link #reserve}d.
     *
     * @param scope the operation and the caller's actor: what the key is unique within
     */
    public record Claim(String scope, IdempotencyKey key, String requestHash) {

        /** The order in which one transaction reserves several keys. */
        public static final Comparator<Claim> ORDER = Comparator.comparing(Claim::scope)
                .thenComparing(claim -> claim.key().value());
    }

    /**
     * The claim of a request whose key is {@linkplain #required required}, to be reserved later, maybe in a
     * transaction shared with other requests and on another thread; 400 without a key, nothing stored.
     */
    public Claim claim(String operation, String header, Object request) {
        return claim(operation, IdempotencyKey.required(header), request);
    }

    /**
     * Inserts the claim's key row in the caller's transaction: empty if it is this request's to run (its answer
     * then goes to {@link #store}), else the stored answer of an earlier request with the same key and body. Waits
     * while another transaction holds the same key uncommitted. A refusal (409: the key was used for another body)
     * is thrown without marking the transaction for rollback: other requests sharing it are not spoiled.
     */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = ProblemException.class)
    public Optional<StoredAnswer> reserve(Claim claim) {
        int inserted = entityManager.createNativeQuery("""
                insert into idempotency_key (scope, key, request_hash, created_at) values (?1, ?2, ?3, ?4)
                on conflict do nothing""")
                .setParameter(1, claim.scope())
                .setParameter(2, claim.key().value())
                .setParameter(3, claim.requestHash())
                .setParameter(4, clock.instant())
                .executeUpdate();
        return inserted == 0 ? Optional.of(replay(claim)) : Optional.empty();
    }

    /** Stores the answer of a claim this transaction {@linkplain #reserve reserved}, and returns it as stored. */
    @Transactional(Transactional.TxType.MANDATORY)
    public StoredAnswer store(Claim claim, Answer answer) {
        String body = json(answer.body());
        String location = answer.location() == null ? null : answer.location().toString();
        entityManager.createNativeQuery("""
                update idempotency_key set response_status = ?3, response_location = ?4, response_body = ?5
                where scope = ?1 and key = ?2""")
                .setParameter(1, claim.scope())
                .setParameter(2, claim.key().value())
                .setParameter(3, answer.status())
                .setParameter(4, location)
                .setParameter(5, body)
                .executeUpdate();
        return new StoredAnswer(answer.status(), location, body);
    }

    /**
     * The stored answer for the claim's key, as the caller's transaction sees it: 409 if it was stored for another
     * body, without marking the transaction for rollback. For a key reserved earlier in the same transaction, only
     * once its answer is {@linkplain #store stored}.
     */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = ProblemException.class)
    public StoredAnswer replay(Claim claim) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select request_hash, response_status, response_location, response_body from idempotency_key
                where scope = ?1 and key = ?2""")
                .setParameter(1, claim.scope())
                .setParameter(2, claim.key().value())
                .getResultList();
        IdempotencyKey key = claim.key();
        if (rows.isEmpty()) {
            // forgotten by housekeeping between our insert attempt and now: ask the client to retry
            throw ProblemException.conflict(key.name() + " " + key.value() + " is being reused; retry the request");
        }
        Object[] row = rows.get(0);
        if (!claim.requestHash().equals(row[0])) {
            throw key.reusedForAnotherRequest();
        }
        if (row[1] == null) {
            throw new IllegalStateException("The answer for " + key.name() + " " + key.value()
                    + " is replayed before it was stored");
        }
        return new StoredAnswer(((Number) row[1]).intValue(), (String) row[2], (String) row[3]);
    }

    private Claim claim(String operation, IdempotencyKey key, Object request) {
        return new Claim(operation + " by " + caller.actor(), key, hash(request));
    }

    private Response once(String operation, IdempotencyKey key, Object request, Supplier<Answer> action) {
        Claim claim = claim(operation, key, request);
        Optional<StoredAnswer> stored = reserve(claim);
        return (stored.isPresent() ? stored.get() : store(claim, action.get())).response();
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
