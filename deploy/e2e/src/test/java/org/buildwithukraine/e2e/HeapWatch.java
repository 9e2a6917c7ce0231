package org.buildwithukraine.e2e;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Watches how much of the old generation of some applications' heaps is in use while something runs, from the
 * {@code jvm_memory_used_bytes} metric on their management ports, sampled every 50 ms. A request that streams
 * its body lives in the young generation (each chunk is garbage within moments); one that holds a file whole
 * holds it long enough to be promoted (or, larger than the young generation, allocated old at once), and the
 * old generation then grows by at least the file's size until the next full collection.
 */
final class HeapWatch {

    private static final Pattern OLD_GENERATION = Pattern.compile(
            "(?m)^jvm_memory_used_bytes\\{[^}]*id=\"(?:Tenured Gen|G1 Old Gen|PS Old Gen)\"[^}]*\\} (\\S+)$");
    private static final long SAMPLE_MILLIS = 50;

    private final Map<String, Long> baseline = new LinkedHashMap<>();
    private final Map<String, Long> peak = new LinkedHashMap<>();
    private final Thread sampler;
    private volatile boolean running = true;

    /** Starts watching the applications (up.sh names, e.g. "LICENCE", "GATEWAY"). */
    HeapWatch(List<String> applications) {
        for (String application : applications) {
            long used = oldGenerationUsed(application);
            baseline.put(application, used);
            peak.put(application, used);
        }
        sampler = new Thread(() -> {
            while (running) {
                for (String application : applications) {
                    long used = oldGenerationUsed(application);
                    synchronized (peak) {
                        peak.merge(application, used, Math::max);
                    }
                }
                try {
                    TimeUnit.MILLISECONDS.sleep(SAMPLE_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "e2e-heap-watch");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** The most the application's old generation grew above where it stood when watching began. */
    long growth(String application) {
        synchronized (peak) {
            return peak.get(application) - baseline.get(application);
        }
    }

    /** Stops watching; {@link #growth} then says what the watch saw. */
    void stop() {
        running = false;
        try {
            sampler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // one last look: what a request held may still be there
        for (String application : baseline.keySet()) {
            long used = oldGenerationUsed(application);
            synchronized (peak) {
                peak.merge(application, used, Math::max);
            }
        }
    }

    private static long oldGenerationUsed(String application) {
        Matcher used = OLD_GENERATION.matcher(Platform.get().metrics(application));
        if (!used.find()) {
            throw new AssertionError("No old-generation heap metric on the management port of " + application);
        }
        return (long) Double.parseDouble(used.group(1));
    }
}
