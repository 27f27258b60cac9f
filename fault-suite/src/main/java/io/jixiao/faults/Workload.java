package io.jixiao.faults;

import io.jixiao.events.Money;
import io.jixiao.faults.Ledger.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the load sends: budget commands (年初预算, 调整, 支出) on a few projects in a few districts, and, when
 * evaluation-service accepts them, performance goal declarations. Every project is funded generously at the
 * start so that spending rarely meets the rules; what a rule refuses (422) is simply not acknowledged.
 */
public final class Workload {
    static final String UNIT = "fs-unit";
    /** Each project's opening appropriation, in fen: 50,000,000.00 yuan. */
    static final long OPENING_FEN = 5_000_000_000L;
    /** The goal declared at set-up (it exists whenever evaluation-service takes goals). */
    static final String SETUP_GOAL = "fs-goal-0";

    private final List<String> districts;
    private final List<String> projects;
    private final AtomicLong goals = new AtomicLong();
    private volatile boolean goalsAccepted;
    private volatile String goalsNote = "not tried";

    /** One command: where it goes, with what body, and what it means for the ledger. */
    public record Command(Kind kind, String method, String path, String body, String district, String target, long fen) {
        String describe() {
            return method + " " + path;
        }
    }

    public Workload(Settings settings) {
        this.districts = settings.districts();
        List<String> ids = new ArrayList<>();
        for (int p = 0; p < settings.projectsPerDistrict(); p++) {
            ids.add("fs-p" + p);
        }
        this.projects = List.copyOf(ids);
    }

    public List<String> districts() {
        return districts;
    }

    public List<String> projects() {
        return projects;
    }

    public boolean goalsAccepted() {
        return goalsAccepted;
    }

    public String goalsNote() {
        return goalsNote;
    }

    /**
     * Sets the districts up through the gateway: rule settings (no approved goal needed before a budget) and the
     * budget unit where those endpoints exist, the projects, and each project's opening appropriation (in the
     * ledger, phase {@code setup}); then tries one goal declaration to learn whether evaluation-service takes them.
     */
    public void prepare(Http http, Ledger ledger, Log log) {
        for (String d : districts) {
            Http.Answer settings = retrying(http, "PUT", "/api/budget/districts/" + d + "/settings",
                    "{\"goalBeforeBudget\":false}", null);
            Http.Answer unit = retrying(http, "PUT", "/api/budget/districts/" + d + "/units/" + UNIT,
                    "{\"name\":\"故障演练单位（" + d + "）\"}", null);
            if (d.equals(districts.get(0))) {
                log.line("district settings: %s; unit registration: %s", settings.status() == 404 ? "no such endpoint"
                        : String.valueOf(settings.status()), unit.status() == 404 ? "no such endpoint" : unit.status());
            }
            for (String p : projects) {
                String path = "/api/budget/districts/" + d + "/projects/" + p;
                Http.Answer registered = retrying(http, "PUT", path, "{\"unitId\":\"" + UNIT + "\",\"name\":\"故障演练项目 "
                        + p + "\",\"category\":\"专项资金\",\"fiscalYear\":" + Settings.FISCAL_YEAR + "}", null);
                require(registered, "register " + path);
                String key = "fs-setup-" + d + "-" + p;
                Http.Answer funded = retrying(http, "POST", path + "/appropriations", "{\"amount\":\""
                        + Money.yuan(OPENING_FEN) + "\",\"source\":\"一般公共预算\",\"docNo\":\"株财预〔2026〕1号\"}", key);
                require(funded, "appropriate " + path);
                ledger.acknowledge(new Ledger.Entry(key, Kind.APPROPRIATION, d, p, OPENING_FEN, "setup", funded.replayed()));
            }
        }
        Command probe = goal(districts.get(0), projects.get(0), SETUP_GOAL);
        Http.Answer declared = retrying(http, probe.method(), probe.path(), probe.body(), "fs-setup-goal");
        goalsAccepted = declared.ok();
        goalsNote = declared.ok() ? "goal declarations accepted (" + declared.status() + ")"
                : "goal declarations left out of the load: PUT " + probe.path() + " answered " + declared.brief();
        if (declared.ok()) {
            ledger.acknowledge(new Ledger.Entry("fs-setup-goal", Kind.GOAL, probe.district(), probe.target(), 0, "setup",
                    declared.replayed()));
        }
        log.line("%d districts × %d projects funded with %s yuan each; %s", districts.size(), projects.size(),
                Money.yuan(OPENING_FEN), goalsNote);
    }

    /** The next command of a worker: 60 % spending, 15 % appropriations, 15 % adjustments, 10 % goals. */
    public Command next() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String d = districts.get(r.nextInt(districts.size()));
        String p = projects.get(r.nextInt(projects.size()));
        String path = "/api/budget/districts/" + d + "/projects/" + p;
        int dice = r.nextInt(100);
        if (dice < 10 && goalsAccepted) {
            return goal(d, p, "fs-g" + goals.incrementAndGet());
        }
        if (dice < 25) {
            long fen = r.nextLong(100_000, 5_000_000);
            return new Command(Kind.APPROPRIATION, "POST", path + "/appropriations", "{\"amount\":\"" + Money.yuan(fen)
                    + "\",\"source\":\"一般公共预算\",\"docNo\":\"株财预〔2026〕" + r.nextInt(1, 999) + "号\"}", d, p, fen);
        }
        if (dice < 40) {
            long fen = r.nextLong(-200_000, 1_000_000);
            fen = fen == 0 ? 1 : fen;
            // amounts as a JSON number half of the time, as a string the other half (both are accepted)
            String amount = r.nextBoolean() ? "\"" + Money.yuan(fen) + "\"" : Money.yuan(fen);
            return new Command(Kind.ADJUSTMENT, "POST", path + "/adjustments", "{\"amount\":" + amount
                    + ",\"basis\":\"MID_YEAR\",\"reason\":\"年中调整（故障演练）\"}", d, p, fen);
        }
        long fen = r.nextLong(100, 300_000);
        return new Command(Kind.EXPENDITURE, "POST", path + "/expenditures", "{\"amount\":\"" + Money.yuan(fen) + "\"}",
                d, p, fen);
    }

    private static Command goal(String d, String p, String goalId) {
        String body = "{\"scope\":\"PROJECT\",\"projectId\":\"" + p + "\",\"fiscalYear\":" + Settings.FISCAL_YEAR
                + ",\"amount\":\"100000.00\",\"indicators\":[{\"l1\":\"产出指标\",\"l2\":\"数量指标\",\"l3\":\"完成数\","
                + "\"cmp\":\">=\",\"target\":\"10\",\"unit\":\"个\",\"weight\":20}]}";
        return new Command(Kind.GOAL, "PUT", "/api/evaluation/districts/" + d + "/goals/" + goalId, body, d, goalId, 0);
    }

    /** Sends until the answer is definitive (not 503/502/504/no answer), for the set-up steps. */
    static Http.Answer retrying(Http http, String method, String path, String body, String key) {
        Map<String, String> headers = key == null ? Map.of() : Map.of("Idempotency-Key", key);
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (true) {
            Http.Answer answer = http.send(method, path, body, headers);
            boolean transientFailure = answer.status() == 503 || answer.status() == 502 || answer.status() == 504
                    || answer.status() == Http.NO_ANSWER || answer.status() == 429;
            if (!transientFailure || System.nanoTime() > deadline) {
                return answer;
            }
            LoadDriver.pause(500);
        }
    }

    private static void require(Http.Answer answer, String what) {
        if (!answer.ok()) {
            throw new IllegalStateException(what + " failed: " + answer.brief());
        }
    }
}
