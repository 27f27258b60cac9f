package io.jixiao.faults;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HTTP answers counted by window (e.g. {@code f4 outage}) and by class, and every answer that breaks the
 * promise of honest answers: a 500, a 503 without {@code Retry-After}, an error that is not problem+json.
 * (A 2xx for a command that was not stored shows up as "lost" when the ledger is compared with the store.)
 */
public final class StatusCounts {
    /** Classes of answers. */
    public enum Bucket { OK_2XX, REPLAYED_2XX, CLIENT_4XX, UNAVAILABLE_503, BAD_GATEWAY_502, TIMEOUT_504, INTERNAL_500,
        OTHER_5XX, NO_ANSWER }

    private final Map<String, Map<Bucket, AtomicLong>> windows = new ConcurrentHashMap<>();
    private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, AtomicLong> violationsByWindow = new ConcurrentHashMap<>();

    public void record(String window, String request, Http.Answer answer) {
        Bucket bucket = bucketOf(answer);
        windows.computeIfAbsent(window, w -> new ConcurrentHashMap<>())
                .computeIfAbsent(bucket, b -> new AtomicLong()).incrementAndGet();
        String violation = violation(answer);
        if (violation != null) {
            violationsByWindow.computeIfAbsent(window, w -> new AtomicLong()).incrementAndGet();
            if (violations.size() < 50) {
                violations.add(window + ": " + request + " → " + violation + ": " + answer.brief());
            }
        }
    }

    static Bucket bucketOf(Http.Answer a) {
        int s = a.status();
        if (s >= 200 && s < 300) {
            return a.replayed() ? Bucket.REPLAYED_2XX : Bucket.OK_2XX;
        }
        if (s >= 400 && s < 500) {
            return Bucket.CLIENT_4XX;
        }
        return switch (s) {
            case 503 -> Bucket.UNAVAILABLE_503;
            case 502 -> Bucket.BAD_GATEWAY_502;
            case 504 -> Bucket.TIMEOUT_504;
            case 500 -> Bucket.INTERNAL_500;
            case Http.NO_ANSWER -> Bucket.NO_ANSWER;
            default -> Bucket.OTHER_5XX;
        };
    }

    /** Why an answer breaks the promise, or null. */
    static String violation(Http.Answer a) {
        int s = a.status();
        if (s == Http.NO_ANSWER || (s >= 200 && s < 400)) {
            return null;
        }
        if (s == 500) {
            return "500";
        }
        if (s == 503 && (a.retryAfter() == null || a.retryAfter().isBlank())) {
            return "503 without Retry-After";
        }
        if (!a.isProblem()) {
            return "error not application/problem+json (" + a.contentType() + ")";
        }
        return null;
    }

    public long count(String window, Bucket bucket) {
        AtomicLong n = windows.getOrDefault(window, Map.of()).get(bucket);
        return n == null ? 0 : n.get();
    }

    public long total(String window) {
        return windows.getOrDefault(window, Map.of()).values().stream().mapToLong(AtomicLong::get).sum();
    }

    /**
     * Of the answers in {@code window} that were not refusals (4xx), the share that were 2xx (1 when there were
     * none): the rest were 5xx or no answer, retried with the same key.
     */
    public double okShare(String window) {
        long ok = count(window, Bucket.OK_2XX) + count(window, Bucket.REPLAYED_2XX);
        long answered = total(window) - count(window, Bucket.CLIENT_4XX);
        return answered == 0 ? 1 : (double) ok / answered;
    }

    public long violations(String window) {
        AtomicLong n = violationsByWindow.get(window);
        return n == null ? 0 : n.get();
    }

    public long violations() {
        return violationsByWindow.values().stream().mapToLong(AtomicLong::get).sum();
    }

    public List<String> violationSamples() {
        synchronized (violations) {
            return List.copyOf(violations);
        }
    }

    /** {@code 2xx 1234 (replayed 5) · 4xx 3 · 503 20 · 502 1 · 504 0 · 500 0 · no answer 4} for one window. */
    public String describe(String window) {
        return String.format("2xx %d (replayed %d) · 4xx %d · 503 %d · 502 %d · 504 %d · 500 %d · other 5xx %d · "
                        + "no answer %d", count(window, Bucket.OK_2XX) + count(window, Bucket.REPLAYED_2XX),
                count(window, Bucket.REPLAYED_2XX), count(window, Bucket.CLIENT_4XX), count(window, Bucket.UNAVAILABLE_503),
                count(window, Bucket.BAD_GATEWAY_502), count(window, Bucket.TIMEOUT_504),
                count(window, Bucket.INTERNAL_500), count(window, Bucket.OTHER_5XX), count(window, Bucket.NO_ANSWER));
    }
}
