package io.jixiao.faults;

import io.jixiao.events.Topics;
import io.jixiao.local.LocalStackProcesses;
import io.jixiao.local.ServiceProcess;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.awaitility.Awaitility;

/**
 * The six faults, one at a time, each with the load running: the load starts, the fault is injected, the broken
 * part comes back, the load goes on a little and stops (every command under way gets its definitive answer), the
 * projections are awaited, and the ledger is compared with the stores and the read models.
 */
public final class Faults {
    static final List<String> PROJECTION_GROUPS = List.of("jixiao-district-journal", "jixiao-project-timeline");

    private final FaultStack stack;
    private final Settings settings;
    private final Ledger ledger;
    private final LoadDriver driver;
    private final Verifier verifier;
    private final StatusCounts writes;
    private final StatusCounts reads;
    private final Http http;
    private final Log log;
    private final Map<Integer, Integer> rounds = new java.util.HashMap<>();
    /** The running fault's phase ({@code f8}, {@code f8r2} …): its load windows are "PHASE before|outage|after". */
    private volatile String currentPhase = "idle";
    /** What a fault's own checks found wrong (faults 8 and 9), besides the comparison every fault gets. */
    private final List<String> injectionFailures = java.util.Collections.synchronizedList(new ArrayList<>());

    /** What one fault did and what the comparison found. */
    public record FaultResult(int number, String title, String phase, Duration outage, List<String> notes,
                              long sent, long acknowledged, long acknowledgedDuringOutage, long refused,
                              Map<String, Long> refusals, long unresolved, long retries, long firstAnswersDiscarded,
                              String writesDuringOutage, String readsDuringOutage, long violations,
                              double okShareDuringOutage, double requiredOkShare, List<String> failures,
                              Verifier.Verification verification) {
        public boolean passed() {
            return violations == 0 && unresolved == 0 && verification.passed()
                    && okShareDuringOutage >= requiredOkShare && failures.isEmpty();
        }
    }

    /** The share of writes answered 2xx while a cluster's Kafka node is down (fault 7); the rest are retried 503s. */
    static final double REQUIRED_OK_SHARE_NODE_DOWN = 0.95;

    public Faults(FaultStack stack, Settings settings, Ledger ledger, LoadDriver driver, Verifier verifier,
                  StatusCounts writes, StatusCounts reads, Http http, Log log) {
        this.stack = stack;
        this.settings = settings;
        this.ledger = ledger;
        this.driver = driver;
        this.verifier = verifier;
        this.writes = writes;
        this.reads = reads;
        this.http = http;
        this.log = log;
    }

    /** Runs fault {@code number} (1–6 on the single stack, 7 to 9 on the cluster). */
    public FaultResult run(int number) {
        return switch (number) {
            case 1 -> killBudgetService();
            case 2 -> kafkaOutage();
            case 3 -> killDisclosureMidProjection();
            case 4 -> postgresOutage();
            case 5 -> twoDisclosureInstancesOneKilled();
            case 6 -> lostResponses();
            case 7 -> killKafkaNode();
            case 8 -> killOneInstanceOfEachService();
            case 9 -> killTheInstanceServingARequest();
            default -> throw new IllegalArgumentException("no fault " + number + " (1–9)");
        };
    }

    /** A fault's injection and recovery; returns notes for the report. */
    private interface Injection {
        List<String> inject() throws Exception;
    }

    private FaultResult fault(int number, String title, Injection injection) {
        return fault(number, title, 0, injection);
    }

    private FaultResult fault(int number, String title, double requiredOkShare, Injection injection) {
        int round = rounds.merge(number, 1, Integer::sum);
        injectionFailures.clear();
        String phase = "f" + number + (round > 1 ? "r" + round : "");
        currentPhase = phase;
        log.line("fault %d: %s", number, title);
        driver.start(phase, phase + " before");
        Waits.holdFor(settings.warmUp(), "load before fault " + number, () -> true);
        driver.window(phase + " outage");
        long start = System.nanoTime();
        List<String> notes;
        try {
            notes = injection.inject();
        } catch (Exception e) {
            driver.stop();
            throw new IllegalStateException("fault " + number + " could not be injected", e);
        }
        Duration outage = Duration.ofNanos(System.nanoTime() - start);
        driver.window(phase + " after");
        Waits.holdFor(settings.afterRecovery(), "load after fault " + number, () -> true);
        LoadDriver.PhaseStats stats = driver.stop();
        log.line("fault %d: load stopped (%d sent, %d acknowledged, %d refused, %d retries); comparing", number,
                stats.sent.get(), stats.acknowledged.get(), stats.refused.get(), stats.retries.get());
        Verifier.Verification v = verifier.verify(phase, ledger, settings.quiescence());
        String outageWindow = phase + " outage";
        long violations = writes.violations(phase + " before") + writes.violations(outageWindow)
                + writes.violations(phase + " after") + reads.violations(phase + " before")
                + reads.violations(outageWindow) + reads.violations(phase + " after");
        Map<String, Long> refusals = new TreeMap<>();
        stats.refusals.forEach((k, n) -> refusals.put(k, n.get()));
        FaultResult result = new FaultResult(number, title, phase, outage, notes, stats.sent.get(),
                stats.acknowledged.get(), writes.count(outageWindow, StatusCounts.Bucket.OK_2XX)
                + writes.count(outageWindow, StatusCounts.Bucket.REPLAYED_2XX), stats.refused.get(), refusals,
                stats.unresolved.get(), stats.retries.get(), stats.firstAnswersDiscarded.get(),
                writes.describe(outageWindow), reads.describe(outageWindow), violations,
                writes.okShare(outageWindow), requiredOkShare, List.copyOf(injectionFailures), v);
        log.line("fault %d: %s", number, result.passed() ? "passed" : "FAILED");
        return result;
    }

    // ------------------------------------------------------------------------------------------- the faults

    FaultResult killBudgetService() {
        return fault(1, "kill -9 budget-service, restart", () -> {
            ServiceProcess budget = stack.processes().service(LocalStackProcesses.BUDGET);
            long pid = budget.pid();
            stack.processes().kill(LocalStackProcesses.BUDGET);
            long killed = System.nanoTime();
            stack.processes().start(LocalStackProcesses.BUDGET);
            return List.of("killed pid " + pid + " with SIGKILL; healthy again after "
                    + seconds(System.nanoTime() - killed));
        });
    }

    FaultResult kafkaOutage() {
        return fault(2, "Kafka broker stopped " + settings.kafkaOutage().toSeconds() + " s, started", () -> {
            long stored = storedBudgetEvents();
            stack.kafka().stopForOutage();
            Waits.holdFor(settings.kafkaOutage(), "Kafka down", () -> !stack.kafka().isRunning());
            long storedMeanwhile = storedBudgetEvents() - stored;
            stack.kafka().startAgain();
            return List.of(storedMeanwhile + " budget events stored while the broker was down (published after)");
        });
    }

    /**
     * "Mid-projection" at its hardest: a rebuild of disclosure's projections is asked for (it empties the read model
     * and its offsets and reads both topics again from offset 0), and the service is killed while the rebuild is
     * under way, with thousands of stored events not yet projected again; then restarted. (Should the rebuild be
     * over before the suite sees it, the kill happens while ordinary projection lags behind the load.)
     */
    FaultResult killDisclosureMidProjection() {
        return fault(3, "kill -9 disclosure-service mid-projection (during a rebuild), restart", () -> {
            long stored = storedPublishedBudgetEvents();
            java.util.concurrent.CompletableFuture<Http.Answer> rebuild = java.util.concurrent.CompletableFuture
                    .supplyAsync(() -> http.send("POST", "/api/disclosure/admin/projections/rebuild", null, Map.of()));
            long[] lag = new long[1];
            boolean midRebuild;
            try {
                Awaitility.await("the rebuild under way").atMost(Duration.ofSeconds(20))
                        .pollInterval(Duration.ofMillis(10)).ignoreExceptions()
                        .until(() -> (lag[0] = projectionLag()) > Math.min(100, stored / 4));
                midRebuild = true;
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                Waits.until(Duration.ofSeconds(20), "disclosure behind the event store", () -> (lag[0] = projectionLag()) > 0);
                midRebuild = false;
            }
            long storedAtKill = storedPublishedBudgetEvents();
            stack.processes().kill(LocalStackProcesses.DISCLOSURE);
            long killed = System.nanoTime();
            Http.Answer rebuildAnswer = rebuild.join();
            stack.processes().start(LocalStackProcesses.DISCLOSURE);
            return List.of((midRebuild ? "killed during a rebuild from offset 0" : "killed while projecting the load")
                    + " with " + lag[0] + " of " + storedAtKill + " stored budget events not (yet again) projected; "
                    + "the rebuild request got " + rebuildAnswer.status() + "; healthy again after "
                    + seconds(System.nanoTime() - killed));
        });
    }

    FaultResult postgresOutage() {
        return fault(4, "PostgreSQL stopped " + settings.postgresOutage().toSeconds() + " s, started", () -> {
            stack.postgres().stopForOutage();
            Waits.holdFor(settings.postgresOutage(), "PostgreSQL down", () -> !stack.postgres().isRunning());
            stack.postgres().startAgain();
            long back = System.nanoTime();
            Waits.until(Duration.ofSeconds(120), "budget-service answers again",
                    () -> http.get("/api/budget/districts/" + settings.districts().get(0) + "/projects/fs-p0").ok());
            return List.of("commands accepted again " + seconds(System.nanoTime() - back) + " after PostgreSQL restarted");
        });
    }

    FaultResult twoDisclosureInstancesOneKilled() {
        return fault(5, "two disclosure-service instances share the work, one killed", () -> {
            List<String> notes = new ArrayList<>();
            ServiceProcess second = stack.addDisclosureInstance("disclosure-service-" + (1 + rounds.get(5)));
            Waits.until(Duration.ofSeconds(90), "both instances in the consumer groups", () -> membersOf(2));
            notes.add("second instance on port " + second.port() + "; sharing: " + assignments());
            Waits.holdFor(settings.sharedWork(), "two instances share the work", second::isAlive);
            stack.processes().kill(second.name());
            long killed = System.nanoTime();
            Waits.until(Duration.ofSeconds(120), "the survivor takes over every partition", () -> membersOf(1));
            notes.add("second instance killed; the survivor held every partition after "
                    + seconds(System.nanoTime() - killed) + " (Kafka session timeout): " + assignments());
            return notes;
        });
    }

    FaultResult lostResponses() {
        return fault(6, "every request sent twice, the first answer lost", () -> {
            driver.lostResponses(true);
            Waits.holdFor(settings.lostResponses(), "requests sent twice", () -> true);
            driver.lostResponses(false);
            return List.of("each command's first answer thrown away; half of the pairs sent at the same time");
        });
    }

    /**
     * Cluster mode: the Kafka node that leads partition 0 of budget.events is killed with SIGKILL, stays down for the
     * broker outage and is started again on its ports and log; the services' {@code acks=all} publishers go on with
     * the two others ({@code min.insync.replicas=2}).
     */
    FaultResult killKafkaNode() {
        requireCluster(7);
        return fault(7, "one Kafka node killed (SIGKILL), down " + settings.brokerOutage().toSeconds()
                + " s, restarted", REQUIRED_OK_SHARE_NODE_DOWN, () -> {
            int node = leaderOfBudgetPartitionZero();
            long pid = stack.kafka().pid(node).orElseThrow();
            long journalAtKill = journalCount();
            stack.kafka().killNode(node);
            long killed = System.nanoTime();
            Waits.holdFor(settings.brokerOutage(), "Kafka node " + node + " down", () -> !stack.kafka().isRunning(node));
            long projectedMeanwhile = journalCount() - journalAtKill;
            long restarting = System.nanoTime();
            stack.kafka().startNode(node);
            return List.of("node " + node + " (leader of budget.events-0, pid " + pid + ") killed with SIGKILL and down "
                    + seconds(restarting - killed), projectedMeanwhile + " budget events published and journalled "
                    + "while it was down", "node registered again " + seconds(System.nanoTime() - restarting)
                    + " after its restart");
        });
    }

    /**
     * Cluster mode: the first instance of budget-, evaluation- and disclosure-service killed together with SIGKILL
     * (the gateway keeps sending to them until its next readiness check; those requests answer 503 and are
     * retried), the survivors take over the tracking segments and the partitions, then the three are started again.
     */
    FaultResult killOneInstanceOfEachService() {
        requireCluster(8);
        return fault(8, "one instance of each domain service killed (SIGKILL), restarted", () -> {
            List<String> notes = new ArrayList<>();
            notes.add(bothBudgetInstancesWork());
            for (String service : LocalStackProcesses.DOMAIN_SERVICES) {
                stack.processes().kill(service);
            }
            long killed = System.nanoTime();
            Waits.until(Duration.ofSeconds(60), "the gateway answers from the survivors",
                    () -> http.get("/api/budget/districts/" + settings.districts().get(0) + "/projects/fs-p0").ok());
            notes.add("instance 1 of each service killed; the gateway answered from the survivors after "
                    + seconds(System.nanoTime() - killed));
            notes.add(survivorTakesEverySegment(killed));
            Waits.holdFor(Duration.ofSeconds(2), "commands stored by the survivors", () -> true);
            long target = storedPublishedBudgetEvents();
            Waits.until(Duration.ofSeconds(180), "the survivors publish and journal what they store",
                    () -> journalCount() >= target);
            notes.add("budget events stored up to 2 s after the kill journalled after "
                    + seconds(System.nanoTime() - killed) + " (publisher segment claim + partition takeover)");
            long restarting = System.nanoTime();
            List<java.util.concurrent.CompletableFuture<Void>> starts = LocalStackProcesses.DOMAIN_SERVICES.stream()
                    .map(service -> java.util.concurrent.CompletableFuture.runAsync(
                            () -> stack.processes().start(service))).toList();
            starts.forEach(java.util.concurrent.CompletableFuture::join);
            notes.add("the three healthy again " + seconds(System.nanoTime() - restarting) + " after their restart");
            return notes;
        });
    }

    /** budget-service's tracking processors, each split in {@value #SEGMENTS} segments claimed in {@code tokenentry}. */
    static final List<String> BUDGET_PROCESSORS = List.of("kafka-publisher", "result-application-retry");
    static final int SEGMENTS = 4;
    /**
     * How soon the surviving budget-service instance must hold every segment of a killed one: the claim timeout
     * (10 s) and the claim interval (5 s) of docs/operations.md's takeover table, and 15 s for a loaded machine.
     */
    static final Duration TAKEOVER_LIMIT = Duration.ofSeconds(30);

    /**
     * Before fault 8's kill: both budget-service instances hold segments of each tracking processor, both
     * acknowledged commands of the load's warm-up (the gateway keeps each project on one instance, and the load's
     * projects land on both), and the processors' admin view answers from each; a failure of any is the fault's.
     */
    private String bothBudgetInstancesWork() throws Exception {
        String first = LocalStackProcesses.BUDGET;
        String second = LocalStackProcesses.BUDGET + "-2";
        Map<String, Map<String, Long>> owners = segmentOwners();
        for (String processor : BUDGET_PROCESSORS) {
            Map<String, Long> held = owners.getOrDefault(processor, Map.of());
            if (held.getOrDefault(first, 0L) == 0 || held.getOrDefault(second, 0L) == 0) {
                injectionFailures.add("before the kill, " + processor + "'s segments were held by " + held
                        + ", not by both budget-service instances");
            }
        }
        Map<String, Long> answered = driver.answeredBy(currentPhase + " before");
        if (answered.getOrDefault(first, 0L) == 0 || answered.getOrDefault(second, 0L) == 0) {
            injectionFailures.add("before the kill, commands were acknowledged by " + answered
                    + ", not by both budget-service instances");
        }
        java.util.Set<String> viewedBy = new java.util.TreeSet<>();
        // the gateway's round robin, shared with the load's requests: up to 20 asks until both have answered
        for (int i = 0; i < 20 && viewedBy.size() < 2; i++) {
            Http.Answer view = http.get("/api/budget/admin/processors");
            com.fasterxml.jackson.databind.JsonNode body = view.json();
            if (!view.ok() || body == null || body.path("liveInstances").asInt() != 2) {
                injectionFailures.add("before the kill, GET /api/budget/admin/processors answered " + view.brief()
                        + ", not two live instances");
                break;
            }
            viewedBy.add(body.path("instance").asText());
        }
        if (!viewedBy.equals(java.util.Set.of(first, second))) {
            injectionFailures.add("before the kill, the processors' admin view was answered by " + viewedBy);
        }
        return "before the kill: segments " + owners + "; commands acknowledged per instance " + answered
                + "; the processors' admin view answered by " + viewedBy + ", each seeing 2 live instances";
    }

    /** After fault 8's kill: the surviving budget-service instance holds every segment within {@link #TAKEOVER_LIMIT}. */
    private String survivorTakesEverySegment(long killed) {
        String survivor = LocalStackProcesses.BUDGET + "-2";
        Map<String, Long> all = Map.of(survivor, (long) SEGMENTS);
        try {
            Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250)).until(() -> {
                Map<String, Map<String, Long>> owners = segmentOwners();
                return BUDGET_PROCESSORS.stream().allMatch(p -> all.equals(owners.get(p)));
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            injectionFailures.add(survivor + " did not take every segment over within 3 minutes");
            return survivor + " did not take every segment over";
        }
        Duration takeover = Duration.ofNanos(System.nanoTime() - killed);
        if (takeover.compareTo(TAKEOVER_LIMIT) > 0) {
            injectionFailures.add(survivor + " held every segment only " + seconds(takeover.toNanos())
                    + " after the kill (at most " + TAKEOVER_LIMIT.toSeconds() + " s)");
        }
        return survivor + " held every segment of " + BUDGET_PROCESSORS + " " + seconds(takeover.toNanos())
                + " after the kill";
    }

    /** Per budget-service tracking processor, the owners of its segment claims and how many each holds. */
    private Map<String, Map<String, Long>> segmentOwners() throws Exception {
        Map<String, Map<String, Long>> owners = new TreeMap<>();
        try (Connection c = stack.connect(LocalStackProcesses.BUDGET); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT processorname, coalesce(owner, '-'), count(*) FROM tokenentry "
                     + "GROUP BY 1, 2")) {
            while (rs.next()) {
                owners.computeIfAbsent(rs.getString(1), p -> new TreeMap<>()).put(rs.getString(2), rs.getLong(3));
            }
        }
        return owners;
    }

    /** Cluster mode: {@link MidRequestKill}, with the load running. */
    FaultResult killTheInstanceServingARequest() {
        requireCluster(9);
        int lines = settings.isShort() ? 5_000 : 10_000;
        return fault(9, "the budget-service instance serving a " + lines + "-line import killed (SIGKILL) mid-request",
                () -> new MidRequestKill(stack, http, log, !settings.isShort()).run(lines, injectionFailures));
    }

    private void requireCluster(int number) {
        if (!stack.isCluster()) {
            throw new IllegalStateException("fault " + number + " needs the cluster (--cluster)");
        }
    }

    // ------------------------------------------------------------------------------------------- helpers

    private int leaderOfBudgetPartitionZero() throws Exception {
        try (Admin admin = stack.kafka().admin()) {
            return admin.describeTopics(List.of(Topics.BUDGET_EVENTS)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(Topics.BUDGET_EVENTS).partitions().get(0).leader().id();
        }
    }

    private long storedBudgetEvents() throws Exception {
        try (Connection c = stack.connect(LocalStackProcesses.BUDGET); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM domainevententry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * How far disclosure's projections are behind budget-service's store, in the suite's districts: the larger of
     * the district journal's and the project timeline's lag (a rebuild runs them one after the other).
     */
    private long projectionLag() throws Exception {
        return Math.max(journalLag(), timelineLag());
    }

    private long timelineLag() throws Exception {
        long timeline;
        try (Connection c = stack.connect(LocalStackProcesses.DISCLOSURE);
             java.sql.PreparedStatement q = c.prepareStatement("SELECT count(*) FROM project_timeline_entry WHERE "
                     + "district_code = ANY(?)")) {
            q.setArray(1, c.createArrayOf("varchar", settings.districts().toArray()));
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                timeline = rs.getLong(1);
            }
        }
        try (Connection c = stack.connect(LocalStackProcesses.BUDGET);
             java.sql.PreparedStatement q = c.prepareStatement("SELECT count(*) FROM domainevententry WHERE payloadtype "
                     + "= ANY(?) AND convert_from(metadata, 'UTF8')::jsonb ->> 'districtCode' = ANY(?)")) {
            q.setArray(1, c.createArrayOf("varchar", java.util.stream.Stream.of("ProjectRegistered", "BudgetAppropriated",
                    "BudgetAdjusted", "FundsCarriedOver", "ExpenditureRecorded").map(t -> "io.jixiao.events.budget." + t)
                    .toArray()));
            q.setArray(2, c.createArrayOf("varchar", settings.districts().toArray()));
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1) - timeline;
            }
        }
    }

    /** Stored published budget events of the suite's districts minus those in the district journal. */
    private long journalLag() throws Exception {
        return storedPublishedBudgetEvents() - journalCount();
    }

    /** Budget events of the suite's districts in the district journal. */
    private long journalCount() throws Exception {
        try (Connection c = stack.connect(LocalStackProcesses.DISCLOSURE);
             java.sql.PreparedStatement q = c.prepareStatement("SELECT count(*) FROM district_event WHERE topic = ? "
                     + "AND district_code = ANY(?)")) {
            q.setString(1, Topics.BUDGET_EVENTS);
            q.setArray(2, c.createArrayOf("varchar", settings.districts().toArray()));
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private long storedPublishedBudgetEvents() throws Exception {
        try (Connection c = stack.connect(LocalStackProcesses.BUDGET);
             java.sql.PreparedStatement q = c.prepareStatement("SELECT count(*) FROM domainevententry WHERE payloadtype "
                     + "LIKE 'io.jixiao.events.budget.%' AND convert_from(metadata, 'UTF8')::jsonb ->> 'districtCode' "
                     + "= ANY(?)")) {
            q.setArray(1, c.createArrayOf("varchar", settings.districts().toArray()));
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Whether each projection's consumer group has exactly {@code members} members with partitions. */
    private boolean membersOf(int members) throws Exception {
        try (Admin admin = stack.kafka().admin()) {
            Map<String, ConsumerGroupDescription> groups = admin.describeConsumerGroups(PROJECTION_GROUPS).all()
                    .get(10, TimeUnit.SECONDS);
            return groups.values().stream().allMatch(g -> g.members().stream()
                    .filter(m -> !m.assignment().topicPartitions().isEmpty()).count() == members
                    && g.members().size() == members);
        }
    }

    /** {@code jixiao-district-journal 3+3} … : partitions per member of each projection group. */
    private String assignments() {
        try (Admin admin = stack.kafka().admin()) {
            Map<String, ConsumerGroupDescription> groups = admin.describeConsumerGroups(PROJECTION_GROUPS).all()
                    .get(10, TimeUnit.SECONDS);
            List<String> parts = new ArrayList<>();
            for (String name : PROJECTION_GROUPS) {
                ConsumerGroupDescription g = groups.get(name);
                parts.add(name + " " + g.members().stream().map(MemberDescription::assignment)
                        .map(a -> String.valueOf(a.topicPartitions().size())).sorted().reduce((a, b) -> a + "+" + b)
                        .orElse("none") + " partitions");
            }
            return String.join(", ", parts);
        } catch (Exception e) {
            return "(consumer groups not readable: " + e + ")";
        }
    }

    private static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f s", nanos / 1e9);
    }
}
