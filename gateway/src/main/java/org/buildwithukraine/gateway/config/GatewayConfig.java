package org.buildwithukraine.gateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;

/**
 * Everything the gateway needs to know about its surroundings. Backends are entries of maps so that adding a
 * region is configuration only, for example {@code BWU_GATEWAY_REGIONS_PL_URL=http://production-line-pl:8080}.
 */
@ConfigMapping(prefix = "bwu.gateway")
public interface GatewayConfig {

    /** Backend services by the name the route table uses: factory, licence, routing. */
    Map<String, Backend> services();

    /** The production-line-service instance of each region, by region key (de, uk, ...). */
    Map<String, Region> regions();

    BackendDefaults backendDefaults();

    Limits limits();

    RateLimit rateLimit();

    TokenCache tokenCache();

    OpenApi openapi();

    PlatformStatus platformStatus();

    /** The operator's dead-letter routes ({@code /api/operations/dead-letters}); Kafka per {@link KafkaClientConfig}. */
    DeadLetters deadLetters();

    /** Token claim naming the caller's factory (Keycloak Organizations), shown by {@code GET /api/me}. */
    @WithDefault("organization")
    String factoryClaim();

    interface Backend {
        /** Base URL, e.g. http://localhost:8081; the request path is appended unchanged. */
        URI url();

        /** Overrides {@code backend-defaults.timeout} for this backend. */
        Optional<Duration> timeout();

        /** Overrides {@code backend-defaults.max-connections} for this backend. */
        Optional<Integer> maxConnections();

        /**
         * The backend's management interface (readiness and metrics), e.g. http://localhost:9081, asked by
         * {@code GET /api/platform/status}; without it that status says the backend's readiness is unknown.
         */
        Optional<URI> managementUrl();
    }

    interface Region extends Backend {
        /** Line ids starting with this belong to the region; default: the region key upper-cased and a dash. */
        Optional<String> linePrefix();
    }

    interface BackendDefaults {
        /** Longest wait for a backend's answer (or for the next bytes of it) before the caller gets 504. */
        @WithDefault("5s")
        Duration timeout();

        @WithDefault("1s")
        Duration connectTimeout();

        /** Pooled keep-alive connections per backend. */
        @WithDefault("100")
        int maxConnections();

        /** Consecutive failures (unreachable, timed out, 502/503/504) that open a backend's circuit breaker. */
        @WithDefault("5")
        int failureThreshold();

        /** How long an open breaker answers 503 at once before it lets a trial request through. */
        @WithDefault("10s")
        Duration openFor();
    }

    interface Limits {
        /** Larger request bodies are refused with 413 before they reach a service. */
        @WithDefault("1M")
        @WithConverter(MemorySizeConverter.class)
        MemorySize maxBodySize();

        /** Time the whole request body may take to arrive once the gateway reads it; slower bodies get 408. */
        @WithDefault("30s")
        Duration bodyReadTimeout();

        /**
         * Larger request bodies of the routes that stream them (technical data files) are refused with 413: a
         * declared Content-Length before a byte is read, a chunked body once it passes the limit.
         */
        @WithDefault("200M")
        @WithConverter(MemorySizeConverter.class)
        MemorySize maxUploadSize();

        /**
         * On routes that stream a body either way, the longest pause allowed instead of a deadline for the whole:
         * no byte of the caller's body for this long → 408, no byte of the backend's answer (or the backend not
         * taking the body) for this long → 504.
         */
        @WithDefault("60s")
        Duration streamIdleTimeout();

        /**
         * Request body bytes all requests together may hold in the gateway's memory at once; a chunk beyond it
         * is refused with 503. Memory is taken as bytes arrive, never for a declared Content-Length.
         */
        @WithDefault("64M")
        @WithConverter(MemorySizeConverter.class)
        MemorySize maxBufferedBodies();

        /** Requests under /api the gateway handles at once; more are refused with 503 and Retry-After. */
        @WithDefault("2000")
        int maxInFlight();

        /** Requests one caller (the token's subject) may have open at once; more get 429 with Retry-After. */
        @WithDefault("64")
        int maxInFlightPerCaller();
    }

    interface RateLimit {
        @WithDefault("true")
        boolean enabled();

        /** Requests a caller may make at once (token bucket size). */
        @WithDefault("200")
        int capacity();

        /** Sustained requests per second per caller. */
        @WithDefault("100")
        double refillPerSecond();

        /** Other allowances by client id (the token's azp), e.g. for factory MES clients. */
        Map<String, Allowance> clients();

        /** Callers remembered at once; an idle caller's bucket is forgotten after it would be full again. */
        @WithDefault("100000")
        int maxCallers();

        interface Allowance {
            int capacity();

            double refillPerSecond();
        }
    }

    interface TokenCache {
        /**
         * Verified tokens remembered until they expire, so that a caller's next request skips signature
         * verification; a token is only ever matched by its exact text.
         */
        @WithDefault("true")
        boolean enabled();

        /** About 1.5 KB each (the token is the key). */
        @WithDefault("10000")
        int maxSize();
    }

    /** {@code GET /api/platform/status}: each backend's readiness and outbox backlog, asked when called. */
    interface PlatformStatus {
        /** Longest wait for a backend's readiness or metrics; a backend slower than this counts as DOWN. */
        @WithDefault("2s")
        Duration timeout();

        /** Readiness on each management interface (SmallRye Health). */
        @WithDefault("/q/health/ready")
        String readinessPath();

        /** Prometheus metrics on each management interface, read for the outbox backlog gauges. */
        @WithDefault("/q/metrics")
        String metricsPath();

        /** Where the operator's runbooks are published (the sections of k8s/README.md), shown as a link. */
        Optional<URI> runbooksUrl();
    }

    interface DeadLetters {
        /** Where every re-drive is audited, keyed by the dead letter's coordinates; read back to keep re-drives idempotent. */
        @WithDefault("operations.dead-letter-redrives")
        String auditTopic();

        /**
         * The Kafka transactional id a re-drive and its audit record are written under. The same for every gateway
         * instance: a re-drive on one instance fences one under way on another, so two cannot both send the same
         * dead letter.
         */
        @WithDefault("bwu-gateway-dead-letter-redrive")
        String transactionalId();

        /** Longest wait for Kafka per step of a request (metadata, offsets, reading, the transaction); then 503. */
        @WithDefault("5s")
        Duration timeout();

        @WithDefault("20")
        int defaultPageSize();

        @WithDefault("100")
        int maxPageSize();

        /** The newest records of a dead-letter topic that can be paged through (page and size within them). */
        @WithDefault("1000")
        int maxListed();
    }

    interface OpenApi {
        /** Where each service serves its OpenAPI document. */
        @WithDefault("/q/openapi?format=json")
        String backendPath();

        /** How long a merged document is served before it is rebuilt (in the background). */
        @WithDefault("60s")
        Duration refreshAfter();

        /** How soon a document missing some service is rebuilt. */
        @WithDefault("5s")
        Duration retryAfter();
    }
}
