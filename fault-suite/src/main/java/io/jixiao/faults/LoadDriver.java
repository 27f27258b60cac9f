package io.jixiao.faults;

import io.jixiao.faults.Workload.Command;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A steady load through the gateway: {@code workers} threads, each sending one command after another (paced),
 * every command with its own {@code Idempotency-Key}. A command is done when its answer is definitive: a 2xx
 * (written to the {@link Ledger}) or a refusal (4xx). A 503, 502, 504, 429, a 409 the service calls retryable,
 * a 500, or no answer at all (connection refused or reset, timeout) is retried with the SAME key, so that a
 * command whose answer was lost is not applied twice. In lost-responses mode every command is sent twice and
 * the first answer is thrown away (half of the time the two go out together).
 *
 * <p>A reader thread reads budget state and the disclosure summary meanwhile, so that outages show in reads too.
 */
public final class LoadDriver {
    private static final Duration GIVE_UP = Duration.ofSeconds(300);

    private final Http http;
    private final Ledger ledger;
    private final Workload workload;
    private final Settings settings;
    private final StatusCounts writes;
    private final StatusCounts reads;
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong firstsUnderWay = new AtomicLong();
    private final ExecutorService firstSends = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "lost-response");
        t.setDaemon(true);
        return t;
    });
    private volatile String phase = "idle";
    private volatile String window = "idle";
    private volatile boolean lostResponses;
    private volatile boolean running;
    private final List<Thread> threads = new ArrayList<>();
    private final PhaseStats stats = new PhaseStats();

    /** What one run of the load did (from {@link #start} to {@link #stop}). */
    public static final class PhaseStats {
        final AtomicLong sent = new AtomicLong();
        final AtomicLong acknowledged = new AtomicLong();
        final AtomicLong replayed = new AtomicLong();
        final AtomicLong refused = new AtomicLong();
        final AtomicLong retries = new AtomicLong();
        final AtomicLong unresolved = new AtomicLong();
        final AtomicLong firstAnswersDiscarded = new AtomicLong();
        final Map<String, AtomicLong> refusals = new java.util.concurrent.ConcurrentHashMap<>();
        /** Acknowledged commands per window and answering instance ({@code "f8 before"} → {@code budget-service-2} → n). */
        final Map<String, Map<String, AtomicLong>> answeredBy = new java.util.concurrent.ConcurrentHashMap<>();

        /** The instances that acknowledged commands in {@code window}, with how many each. */
        public Map<String, Long> answeredBy(String window) {
            Map<String, Long> counts = new java.util.TreeMap<>();
            answeredBy.getOrDefault(window, Map.of()).forEach((instance, n) -> counts.put(instance, n.get()));
            return counts;
        }

        void reset() {
            sent.set(0);
            acknowledged.set(0);
            replayed.set(0);
            refused.set(0);
            retries.set(0);
            unresolved.set(0);
            firstAnswersDiscarded.set(0);
            refusals.clear();
            answeredBy.clear();
        }
    }

    public LoadDriver(Http http, Ledger ledger, Workload workload, Settings settings, StatusCounts writes,
                      StatusCounts reads) {
        this.http = http;
        this.ledger = ledger;
        this.workload = workload;
        this.settings = settings;
        this.writes = writes;
        this.reads = reads;
    }

    /** Starts the workers; acknowledged commands go to the ledger under {@code phase}. */
    public synchronized void start(String phase, String window) {
        if (running) {
            throw new IllegalStateException("the load runs already");
        }
        this.phase = phase;
        this.window = window;
        stats.reset();
        running = true;
        threads.clear();
        for (int i = 0; i < settings.workers(); i++) {
            Thread t = new Thread(this::work, "load-" + i);
            t.setDaemon(true);
            threads.add(t);
        }
        Thread reader = new Thread(this::read, "load-reader");
        reader.setDaemon(true);
        threads.add(reader);
        threads.forEach(Thread::start);
    }

    /** From now on answers are counted in {@code window} (e.g. {@code f4 outage}). */
    public void window(String name) {
        this.window = name;
    }

    public void lostResponses(boolean on) {
        this.lostResponses = on;
    }

    /** Stops sending new commands and waits until every command under way has its definitive answer. */
    public synchronized PhaseStats stop() {
        running = false;
        for (Thread t : threads) {
            try {
                t.join(GIVE_UP.toMillis() + 30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        lostResponses = false;
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        while (firstsUnderWay.get() > 0 && System.nanoTime() < deadline) {
            pause(50);   // the thrown-away first sends must be over before anything is compared
        }
        return stats;
    }

    private void work() {
        while (running) {
            Command command = workload.next();
            String key = "fs-" + phase + "-" + sequence.incrementAndGet();
            execute(command, key);
            pause(settings.pause().toMillis());
        }
    }

    private void execute(Command command, String key) {
        Map<String, String> headers = Map.of("Idempotency-Key", key);
        stats.sent.incrementAndGet();
        if (lostResponses) {
            firstsUnderWay.incrementAndGet();
            CompletableFuture<Http.Answer> first = CompletableFuture.supplyAsync(
                    () -> http.send(command.method(), command.path(), command.body(), headers), firstSends);
            if (ThreadLocalRandom.current().nextBoolean()) {
                first.join();   // the answer came and was lost; the client sends again
            }
            first.whenComplete((lost, failure) -> {
                if (lost != null) {
                    writes.record(window, command.describe() + " (first, answer lost)", lost);
                    stats.firstAnswersDiscarded.incrementAndGet();
                }
                firstsUnderWay.decrementAndGet();
            });
        }
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        while (true) {
            Http.Answer answer = http.send(command.method(), command.path(), command.body(), headers);
            writes.record(window, command.describe() + " key " + key, answer);
            if (answer.ok()) {
                ledger.acknowledge(new Ledger.Entry(key, command.kind(), command.district(), command.target(),
                        command.fen(), phase, answer.replayed()));
                stats.acknowledged.incrementAndGet();
                if (answer.instance() != null) {
                    stats.answeredBy.computeIfAbsent(window, w -> new java.util.concurrent.ConcurrentHashMap<>())
                            .computeIfAbsent(answer.instance(), i -> new AtomicLong()).incrementAndGet();
                }
                if (answer.replayed()) {
                    stats.replayed.incrementAndGet();
                }
                return;
            }
            if (!retryable(answer)) {
                stats.refused.incrementAndGet();
                stats.refusals.computeIfAbsent(answer.status() + " " + answer.rule(), r -> new AtomicLong())
                        .incrementAndGet();
                return;
            }
            if (System.nanoTime() > deadline) {
                stats.unresolved.incrementAndGet();
                return;
            }
            stats.retries.incrementAndGet();
            pause(backoff(answer));
        }
    }

    static boolean retryable(Http.Answer answer) {
        int s = answer.status();
        if (s == 503 || s == 502 || s == 504 || s == 500 || s == 429 || s == Http.NO_ANSWER) {
            return true;
        }
        return s == 409 && ("BUDGET_NOT_YET_KNOWN".equals(answer.rule()) || "CONCURRENT_MODIFICATION".equals(answer.rule()));
    }

    /** Retry-After as the server says, but at most a second (the suite wants to see the recovery); else 200 ms. */
    static long backoff(Http.Answer answer) {
        if (answer.retryAfter() != null) {
            try {
                return Math.min(1000, Long.parseLong(answer.retryAfter().trim()) * 1000);
            } catch (NumberFormatException e) {
                return 1000;
            }
        }
        return 200;
    }

    private void read() {
        List<String> districts = workload.districts();
        while (running) {
            ThreadLocalRandom r = ThreadLocalRandom.current();
            String d = districts.get(r.nextInt(districts.size()));
            String p = workload.projects().get(r.nextInt(workload.projects().size()));
            String path = r.nextBoolean() ? "/api/budget/districts/" + d + "/projects/" + p
                    : "/api/reports/districts/" + d + "/years/" + Settings.FISCAL_YEAR + "/budget-summary";
            reads.record(window, "GET " + path, http.get(path));
            pause(100);
        }
    }

    /** The load driver's pacing (and its retry back-off): the only sleeps of the suite. */
    static void pause(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The instances that acknowledged commands of the running load in {@code window}, with how many each. */
    public Map<String, Long> answeredBy(String window) {
        return stats.answeredBy(window);
    }

    public long sentSoFar() {
        return sequence.get();
    }
}
