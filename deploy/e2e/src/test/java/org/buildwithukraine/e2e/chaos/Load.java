package org.buildwithukraine.e2e.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.buildwithukraine.e2e.chaos.Exchange.Answer;
import org.buildwithukraine.e2e.chaos.Exchange.Sent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The load that runs while a fault is injected: one thread per stream (a small fixed pool), each sending its
 * stream's next request, waiting for the answer or the client timeout, recording both, pausing (longer after a
 * refusal), and so on until stopped. Every request has a client timeout ({@link #CLIENT_TIMEOUT}), so that a hang is recorded as one and never
 * stalls the suite.
 */
final class Load {

    /** Longer than the gateway's own backend timeout (5 s, then 504): a client that waits this long saw a hang. */
    static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration BACK_OFF = Duration.ofMillis(250);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Requests of one kind, made by {@code next} and sent one after another with {@code pause} between. */
    record Stream(String name, Duration pause, Supplier<Exchange> next) {
    }

    private final String gateway;
    private final List<Stream> streams;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final Queue<Sent> sent = new ConcurrentLinkedQueue<>();
    private volatile boolean running;
    private ExecutorService pool;

    Load(String gateway, List<Stream> streams) {
        this.gateway = gateway;
        this.streams = streams;
    }

    void start() {
        running = true;
        pool = Executors.newFixedThreadPool(streams.size());
        for (Stream stream : streams) {
            pool.submit(() -> {
                while (running) {
                    Exchange exchange = stream.next().get();
                    Answer answer = send(exchange);
                    sent.add(new Sent(exchange, answer));
                    // a client backs off when refused, rather than hammer what is down
                    pause(answer.acknowledged() ? stream.pause() : BACK_OFF);
                }
            });
        }
    }

    /** Stops the load and returns every request it sent, each with its answer. */
    List<Sent> stop() {
        running = false;
        pool.shutdown();
        try {
            if (!pool.awaitTermination(CLIENT_TIMEOUT.toSeconds() + 10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the load did not stop within its client timeout");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return List.copyOf(sent);
    }

    /** Whether every stream has had a request acknowledged (2xx) that was sent at or after {@code since}. */
    boolean everyStreamAcknowledgedSince(long since) {
        return streams.stream().allMatch(stream -> sent.stream().anyMatch(s -> s.exchange().stream()
                .equals(stream.name()) && s.answer().sentAt() >= since && s.answer().acknowledged()));
    }

    /** Sends one request (again, if it was sent before: the same body and keys) and waits for its answer. */
    Answer send(Exchange exchange) {
        long sentAt = System.nanoTime();
        String token;
        try {
            token = exchange.token().get();
        } catch (RuntimeException | AssertionError e) {
            return new Answer(Answer.NO_TOKEN, null, null, String.valueOf(e.getMessage()), sentAt,
                    millisSince(sentAt), Optional.empty());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + exchange.path()))
                .timeout(CLIENT_TIMEOUT).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .method(exchange.method(), HttpRequest.BodyPublishers.ofString(exchange.body()));
        if (exchange.kind() == Exchange.Kind.ORDER) {
            request.header("Idempotency-Key", exchange.key());
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String contentType = response.headers().firstValue("Content-Type").orElse(null);
            boolean acknowledged = response.statusCode() >= 200 && response.statusCode() < 300;
            return new Answer(response.statusCode(), contentType,
                    response.headers().firstValue("Retry-After").orElse(null),
                    acknowledged ? null : abbreviated(response.body()), sentAt, millisSince(sentAt),
                    acknowledged ? entityId(response.body()) : Optional.empty());
        } catch (HttpTimeoutException e) {
            return new Answer(Answer.TIMED_OUT, null, null, e.getMessage(), sentAt, millisSince(sentAt),
                    Optional.empty());
        } catch (IOException e) {
            return new Answer(Answer.NO_ANSWER, null, null, e.toString(), sentAt, millisSince(sentAt),
                    Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(Answer.NO_ANSWER, null, null, "interrupted", sentAt, millisSince(sentAt),
                    Optional.empty());
        }
    }

    private static Optional<String> entityId(String body) {
        try {
            JsonNode id = JSON.readTree(body).path("id");
            return id.isTextual() ? Optional.of(id.asText()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String abbreviated(String body) {
        return body == null || body.length() <= 300 ? body : body.substring(0, 300) + "...";
    }

    private static long millisSince(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
