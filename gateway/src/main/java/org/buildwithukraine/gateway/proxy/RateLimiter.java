package org.buildwithukraine.gateway.proxy;

import java.time.Duration;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.buildwithukraine.gateway.TokenBucket;
import org.buildwithukraine.gateway.config.GatewayConfig;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/** One token bucket per caller; a client (azp) may have its own allowance, e.g. a factory's MES. */
@ApplicationScoped
public class RateLimiter {

    private final boolean enabled;
    private final GatewayConfig.RateLimit config;
    private final Map<String, GatewayConfig.RateLimit.Allowance> clients;
    private final Cache<String, TokenBucket> buckets;

    public RateLimiter(GatewayConfig gatewayConfig) {
        this.config = gatewayConfig.rateLimit();
        this.enabled = config.enabled();
        this.clients = config.clients();
        double slowestRefill = config.capacity() / config.refillPerSecond();
        for (GatewayConfig.RateLimit.Allowance allowance : clients.values()) {
            slowestRefill = Math.max(slowestRefill, allowance.capacity() / allowance.refillPerSecond());
        }
        // a bucket left alone this long is full again, as good as a new one: forget it
        this.buckets = Caffeine.newBuilder()
                .maximumSize(config.maxCallers())
                .expireAfterAccess(Duration.ofMillis((long) Math.ceil(slowestRefill * 1000) + 1000))
                .build();
    }

    /** 0 when the caller may go ahead, else the nanoseconds until it may. */
    public long delay(Caller caller) {
        if (!enabled) {
            return 0;
        }
        long now = System.nanoTime();
        return buckets.get(caller.rateLimitKey(), key -> newBucket(caller, now)).take(now);
    }

    private TokenBucket newBucket(Caller caller, long now) {
        GatewayConfig.RateLimit.Allowance allowance = caller.clientId() == null ? null : clients.get(caller.clientId());
        return allowance != null ? new TokenBucket(allowance.capacity(), allowance.refillPerSecond(), now)
                : new TokenBucket(config.capacity(), config.refillPerSecond(), now);
    }
}
