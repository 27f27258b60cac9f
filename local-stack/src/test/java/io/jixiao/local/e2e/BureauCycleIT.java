package io.jixiao.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.jixiao.fixtures.GatewayClient;
import io.jixiao.fixtures.LoadFixtures;
import io.jixiao.fixtures.LocalTokens;
import io.jixiao.gateway.security.TokenSpec;
import io.jixiao.local.e2e.RunningStack.Answer;
import io.jixiao.local.e2e.SharedStacks.Kind;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bureau's year on the 渌口区 (430212) demo, through the gateway, each act by the role that owns it (UNIT of 渌口区公安局,
 * FINANCE of 430212, the commissioned agency's EVALUATOR): a self-evaluation returned with a reason per indicator,
 * revised, accepted and spot-checked; a key evaluation's finding rectified (整改) past its deadline, recorded overdue by
 * the sweeper, completed late and signed off; a mistaken expenditure reversed (红字冲销); a monitoring deviation followed
 * by a withdrawal (收回) whose BudgetAdjusted names the decision as its cause; the monitoring month changed through the
 * API, which changes the report and findings from then on and leaves the report as of an earlier instant as it was. Then the project's history
 * (budget-service's and disclosure-service's evaluation events, the two the workbench's project page reads) shows each
 * act with its actor and cause, and the district report (JSON, zh-CN HTML, CSV) counts and lists them.
 */
@SharedStacks.On(Kind.PLAIN)
class BureauCycleIT {
    private static final String D = "430212";
    private static final String UNIT = "gaj";
    private static final String PROJECT = "gaj-pacs";
    private static final String AGENCY = "湖南财正会计师事务所（普通合伙）";
    private static final String EVALUATIONS = "/api/evaluation/districts/" + D + "/evaluations/";
    private static final String SELF = EVALUATIONS + "se-gaj-pacs-2023/self";
    private static final String KEY = EVALUATIONS + "ke-gaj-pacs-2023/key";
    private static final String RECTIFICATIONS = "/api/evaluation/districts/" + D + "/rectifications/";
    private static final String ITEM = RECTIFICATIONS + "zg-gaj-pacs-1";
    private static final String MONEY = "/api/budget/districts/" + D + "/projects/" + PROJECT;
    private static final String REPORT = "/api/reports/districts/" + D + "/years/2023";
    /** The deadline day of the item; it ends (Asia/Shanghai) at this instant. */
    private static final String DEADLINE = "2023-12-15";
    private static final String DUE_AT = "2023-12-15T16:00:00Z";

    private static RunningStack stack;
    private static String finance;
    private static String unit;
    private static String otherUnit;
    private static String otherDistrictFinance;
    private static String dashboard;
    private static String evaluator;

    @BeforeAll
    static void start(RunningStack shared) throws Exception {
        // the shared plain stack runs the sweeper every second, so the overdue item is recorded within a second of
        // the test reaching it; 430212 is this test's district there
        stack = shared;
        assertThat(LoadFixtures.loadAll(new GatewayClient(stack.processes.gatewayUrl(), LocalTokens.loader(stack.home)),
                List.of("lukou-2023"), false)).isTrue();
        stack.awaitSettled();   // the counts of the whole stack compared below move only with this test's acts
        finance = stack.token(TokenSpec.of("finance-lukou", List.of("FINANCE"), List.of(D)));
        unit = stack.token(TokenSpec.of("clerk-gaj", List.of("UNIT"), List.of(D)).withUnits(List.of(UNIT)));
        otherUnit = stack.token(TokenSpec.of("clerk-hwzx", List.of("UNIT"), List.of(D)).withUnits(List.of("hwzx")));
        otherDistrictFinance = stack.token(TokenSpec.of("finance-lusong", List.of("FINANCE"), List.of("430203")));
        dashboard = stack.token(TokenSpec.of("wall", List.of("DASHBOARD"), List.of(D)));
        evaluator = stack.token(TokenSpec.of("evaluator-lukou", List.of("EVALUATOR"), List.of(D)).withAgency(AGENCY));
    }

    @Test
    void theBureausYearIsRecordedWithItsActorsAndCausesAndReported() throws Exception {
        selfEvaluationReturnedRevisedAcceptedAndSpotChecked();
        String keyEvaluationCompleted = keyEvaluationWithAFinding();
        rectificationOverdueThenCompletedLateAndSignedOff();
        long[] reversal = mistakenExpenditureReversed();
        deviationFollowedByWithdrawal();

        budgetHistoryShowsTheReversalPairWithItsActor(reversal);
        evaluationEventsOfTheProjectShowEachActWithItsActor(keyEvaluationCompleted);
        districtReportCountsAndListsTheActs(reversal);
        districtReportCountsTheWithdrawal();
        monitoringMonthChangedThroughTheApi();
    }

    // ------------------------------------------------------------------ the acts

    private static void selfEvaluationReturnedRevisedAcceptedAndSpotChecked() {
        String submission = "{\"goalId\":\"g-gaj-pacs\",\"year\":2023,\"budget\":{\"initial\":\"6000000\","
                + "\"fullYear\":\"6000000\",\"executed\":\"5400000\"},\"actuals\":[{\"l3\":\"视频监控点位正常运行数\","
                + "\"actual\":\"%s\"}]}";
        Answer submitted = stack.callAs(unit, "PUT", SELF, submission.formatted("960"));
        created(submitted, "submitted by the unit");
        created(stack.callAs(finance, "POST", SELF + "/return", "{\"reasons\":[{\"l3\":\"视频监控点位正常运行数\","
                + "\"reason\":\"实际完成值缺少运维记录佐证\"},{\"l3\":\"预算执行率\",\"reason\":\"执行数与支出台账不符\"}],"
                + "\"returnedOn\":\"2024-03-20\"}", "Idempotency-Key", "bureau-return-1"), "returned by FINANCE");
        Answer revised = stack.callAs(unit, "PUT", SELF, submission.formatted("1200"));
        assertThat(revised.status()).as("resubmitted: %s", revised.body()).isEqualTo(200);
        assertThat(revised.body().path("self").path("review").asText()).isEqualTo("SUBMITTED");
        Answer accepted = stack.callAs(finance, "POST", SELF + "/acceptance", "{\"acceptedOn\":\"2024-04-01\"}",
                "Idempotency-Key", "bureau-accept-1");
        created(accepted, "accepted by FINANCE");
        assertThat(accepted.body().path("self").path("review").asText()).isEqualTo("ACCEPTED");
        Answer checked = stack.callAs(finance, "POST", SELF + "/spot-check", "{\"score\":\"85.50\","
                + "\"note\":\"抽查运维记录\",\"checkedOn\":\"2024-05-10\"}", "Idempotency-Key", "bureau-check-1");
        created(checked, "spot-checked by FINANCE");
        JsonNode spot = checked.body().path("self").path("spotCheck");
        assertThat(spot.path("financeScore").asText()).isEqualTo("85.50");
        assertThat(spot.path("acceptedScore").asText()).isEqualTo(accepted.body().path("self").path("totalScore")
                .asText());
        assertThat(new java.math.BigDecimal(spot.path("difference").asText())).isEqualByComparingTo(
                new java.math.BigDecimal("85.50").subtract(new java.math.BigDecimal(spot.path("acceptedScore").asText())));
    }

    /** Commissioned by FINANCE, completed by the agency with one finding; answers the completion's event id. */
    private static String keyEvaluationWithAFinding() {
        created(stack.callAs(finance, "PUT", KEY, "{\"type\":\"专项资金\",\"projectIds\":[\"" + PROJECT + "\"],"
                + "\"evaluator\":\"" + AGENCY + "\",\"amount\":\"6000000.00\",\"year\":2023,\"subjectYear\":2023,"
                + "\"commissionedOn\":\"2023-09-01\"}"), "commissioned by FINANCE");
        Answer completed = stack.callAs(evaluator, "POST", KEY + "/completion", "{\"score\":\"78.00\","
                + "\"findings\":[\"视频监控点位运维合同未约定考核指标\"],\"completedOn\":\"2023-11-01\"}");
        created(completed, "completed by the agency");
        return completed.body().path("evaluationId").asText();
    }

    private static void rectificationOverdueThenCompletedLateAndSignedOff() throws Exception {
        String open = "{\"source\":{\"kind\":\"KEY_EVALUATION\",\"evaluationId\":\"ke-gaj-pacs-2023\",\"findingIndex\":0},"
                + "\"ownerUnitId\":\"" + UNIT + "\",\"measures\":\"修订运维合同，增加点位在线率考核条款\","
                + "\"deadline\":\"" + DEADLINE + "\",\"openedOn\":\"2023-11-10\"}";
        // whoever is not FINANCE of 430212 cannot open it; nothing is recorded
        long before = evaluationEvents();
        refused(stack.callAs(otherDistrictFinance, "PUT", ITEM, open), "FINANCE of another district opens");
        refused(stack.callAs(dashboard, "PUT", ITEM, open), "DASHBOARD opens");
        refused(stack.callAs(unit, "PUT", ITEM, open), "UNIT opens");
        assertThat(evaluationEvents()).isEqualTo(before);
        assertThat(stack.callAs(finance, "GET", ITEM, null).status()).isEqualTo(404);

        Answer opened = stack.callAs(finance, "PUT", ITEM, open, "Idempotency-Key", "bureau-open-1");
        created(opened, "opened by FINANCE");
        assertThat(opened.body().path("dueAt").asText()).isEqualTo(DUE_AT);
        // the deadline day ended before the test ran: the sweeper records it overdue, dated by the deadline's instant
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() ->
                "OVERDUE".equals(stack.callAs(finance, "GET", ITEM, null).body().path("status").asText()));
        JsonNode overdue = stack.callAs(finance, "GET", ITEM, null).body();
        assertThat(overdue.path("overdueAt").asText()).isEqualTo(DUE_AT);
        JsonNode overdueAct = act(overdue, "RectificationOverdue");
        assertThat(overdueAct.path("actor").asText()).isEqualTo("system:rectification-overdue");
        assertThat(overdueAct.path("event").path("overdueAt").asText()).isEqualTo(DUE_AT);

        // the rectification writes of the owner unit and of FINANCE, tried by everyone else: refused, nothing recorded
        long version = overdue.path("version").asLong();
        before = evaluationEvents();
        String completion = "{\"summary\":\"运维合同已修订\",\"evidence\":[\"渌公函〔2023〕41号\"],\"doneOn\":\"2023-12-20\"}";
        refused(stack.callAs(otherUnit, "POST", ITEM + "/completion", completion), "UNIT of another unit completes");
        refused(stack.callAs(otherUnit, "POST", ITEM + "/progress", "{\"progress\":\"已起草\"}"),
                "UNIT of another unit records progress");
        refused(stack.callAs(otherDistrictFinance, "POST", ITEM + "/completion", completion),
                "FINANCE of another district completes");
        refused(stack.callAs(dashboard, "POST", ITEM + "/completion", completion), "DASHBOARD completes");
        refused(stack.callAs(finance, "POST", ITEM + "/completion", completion), "FINANCE reports the unit's work done");
        refused(stack.callAs(otherDistrictFinance, "POST", ITEM + "/sign-off", "{}"),
                "FINANCE of another district signs off");
        refused(stack.callAs(otherDistrictFinance, "POST", ITEM + "/return", "{\"reason\":\"不予认可\"}"),
                "FINANCE of another district returns");
        refused(stack.callAs(dashboard, "POST", ITEM + "/sign-off", "{}"), "DASHBOARD signs off");
        refused(stack.callAs(unit, "POST", ITEM + "/sign-off", "{}"), "the owner unit signs off its own item");
        assertThat(evaluationEvents()).isEqualTo(before);
        assertThat(stack.callAs(finance, "GET", ITEM, null).body().path("version").asLong()).isEqualTo(version);

        Answer done = stack.callAs(unit, "POST", ITEM + "/completion", completion, "Idempotency-Key", "bureau-done-1");
        created(done, "completed by the owner unit");
        assertThat(done.body().path("late").asBoolean()).isTrue();
        Answer retried = stack.callAs(unit, "POST", ITEM + "/completion", completion, "Idempotency-Key", "bureau-done-1");
        assertThat(retried.status()).as("a retry").isEqualTo(200);
        Answer signed = stack.callAs(finance, "POST", ITEM + "/sign-off", "{\"note\":\"同意销号\","
                + "\"signedOn\":\"2023-12-22\"}", "Idempotency-Key", "bureau-sign-1");
        created(signed, "signed off by FINANCE");
        JsonNode item = stack.callAs(finance, "GET", ITEM, null).body();
        assertThat(item.path("status").asText()).isEqualTo("SIGNED_OFF");
        assertThat(item.path("overdueAt").asText()).isEqualTo(DUE_AT);
        assertThat(item.path("history").findValuesAsText("type")).containsExactly("RectificationOpened",
                "RectificationOverdue", "RectificationCompleted", "RectificationSignedOff");
        assertThat(act(item, "RectificationOpened").path("actor").asText()).isEqualTo("finance-lukou");
        assertThat(act(item, "RectificationCompleted").path("actor").asText()).isEqualTo("clerk-gaj");
        assertThat(act(item, "RectificationSignedOff").path("actor").asText()).isEqualTo("finance-lukou");
        // the item names its finding
        JsonNode source = item.path("source");
        assertThat(source.path("evaluationId").asText()).isEqualTo("ke-gaj-pacs-2023");
        assertThat(source.path("findingIndex").asInt()).isZero();
        assertThat(source.path("problem").asText()).isEqualTo("视频监控点位运维合同未约定考核指标");
    }

    /** A mistaken expenditure and its reversal; answers their sequence numbers. */
    private static long[] mistakenExpenditureReversed() throws Exception {
        JsonNode before = stack.callAs(finance, "GET", MONEY, null).body();
        Answer spent = stack.callAs(finance, "POST", MONEY + "/expenditures",
                "{\"amount\":\"12345.67\",\"date\":\"2023-09-10\"}", "Idempotency-Key", "bureau-spend-1");
        created(spent, "the mistaken expenditure");
        long original = spent.body().path("sequence").asLong();
        String reversal = "{\"originalSequence\":" + original + ",\"reason\":\"误将设备采购款记入本项目\","
                + "\"date\":\"2023-09-12\"}";
        // only FINANCE reverses
        long events = stack.queryLong("budget", "SELECT count(*) FROM domainevententry");
        refused(stack.callAs(unit, "POST", MONEY + "/reversals", reversal), "UNIT reverses");
        assertThat(stack.queryLong("budget", "SELECT count(*) FROM domainevententry")).isEqualTo(events);

        Answer reversed = stack.callAs(finance, "POST", MONEY + "/reversals", reversal, "Idempotency-Key",
                "bureau-reverse-1");
        created(reversed, "the reversal");
        Answer retried = stack.callAs(finance, "POST", MONEY + "/reversals", reversal, "Idempotency-Key",
                "bureau-reverse-1");
        assertThat(retried.status()).as("a retry of the reversal").isEqualTo(200);
        assertThat(retried.body().path("sequence").asLong()).isEqualTo(reversed.body().path("sequence").asLong());
        Answer twice = stack.callAs(finance, "POST", MONEY + "/reversals", reversal, "Idempotency-Key",
                "bureau-reverse-2");
        assertThat(twice.status()).isEqualTo(422);
        assertThat(twice.contentType()).startsWith("application/problem+json");
        assertThat(twice.body().path("rule").asText()).isEqualTo("ALREADY_REVERSED");
        assertThat(twice.body().toString()).contains("originalSequence");
        assertThat(stack.queryLong("budget", "SELECT count(*) FROM domainevententry")).isEqualTo(events + 1);

        JsonNode after = stack.callAs(finance, "GET", MONEY, null).body();
        assertThat(after.path("spent").asText()).isEqualTo(before.path("spent").asText());
        assertThat(after.path("budget").asText()).isEqualTo(before.path("budget").asText());
        return new long[] {original, reversed.body().path("sequence").asLong()};
    }

    /**
     * The demo's 1–8月 monitoring of the project flagged a deviation (35.00% executed against 66.67% of the year);
     * FINANCE decides to withdraw (收回) 300,000.00 of its budget. budget-service records the cut as a
     * {@code BudgetAdjusted} (basis MONITORING_DECISION) whose cause is the decision's event; UNIT and another district's
     * FINANCE are refused with nothing recorded; a retry is answered as recorded, at once and again after the cut has
     * reached evaluation-service's budget figures. Answers the decision's event id.
     */
    private static String deviationFollowedByWithdrawal() throws Exception {
        String monitoring = "/api/evaluation/districts/" + D + "/goals/g-gaj-pacs/monitoring";
        JsonNode flagged = null;
        for (JsonNode observation : stack.callAs(finance, "GET", monitoring, null).body()) {
            if (observation.path("deviating").asBoolean()) {
                flagged = observation;
            }
        }
        assertThat(flagged).as("the demo's flagged observation of " + PROJECT).isNotNull();
        String decisions = monitoring + "/" + flagged.path("observationId").asText() + "/deviations/"
                + flagged.path("deviation").path("deviationId").asText() + "/decisions";
        String withdrawal = "{\"decisionId\":\"d-withdraw-1\",\"kind\":\"WITHDRAW\",\"amount\":\"300000.00\","
                + "\"reason\":\"执行进度滞后，收回部分资金\",\"docNo\":\"渌财绩〔2023〕15号\",\"decidedOn\":\"2023-09-25\"}";
        long evaluationEvents = stack.queryLong("evaluation", "SELECT count(*) FROM domainevententry");
        refused(stack.callAs(unit, "POST", decisions, withdrawal), "UNIT decides on a deviation");
        refused(stack.callAs(otherDistrictFinance, "POST", decisions, withdrawal), "FINANCE of 430203 decides");
        assertThat(stack.queryLong("evaluation", "SELECT count(*) FROM domainevententry")).isEqualTo(evaluationEvents);

        BigDecimal budgetBefore = new BigDecimal(stack.callAs(finance, "GET", MONEY, null).body().path("budget").asText());
        Answer decided = stack.callAs(finance, "POST", decisions, withdrawal, "Idempotency-Key", "bureau-withdraw-1");
        created(decided, "the withdrawal");
        assertThat(decided.body().path("kindLabel").asText()).isEqualTo("收回");
        assertThat(decided.body().path("budgetChange").asText()).isEqualTo("-300000.00");
        Answer retried = stack.callAs(finance, "POST", decisions, withdrawal, "Idempotency-Key", "bureau-withdraw-1");
        assertThat(retried.status()).as("a retry of the decision").isEqualTo(200);
        assertThat(stack.queryLong("evaluation", "SELECT count(*) FROM domainevententry")).isEqualTo(evaluationEvents + 1);

        // observation → deviation → decision in the project's evaluation events, with the decision's event id …
        String path = "/api/disclosure/districts/" + D + "/projects/" + PROJECT + "/evaluation-events";
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(types(stack.callAs(finance, "GET", path, null).body())).contains(
                        "MonitoringObservationRecorded", "DeviationFlagged", "MonitoringDecisionRecorded"));
        JsonNode decision = first(stack.callAs(finance, "GET", path, null).body().path("events"),
                "MonitoringDecisionRecorded");
        assertThat(decision.path("actor").asText()).isEqualTo("finance-lukou");
        assertThat(decision.path("event").path("deviationId").asText())
                .isEqualTo(flagged.path("deviation").path("deviationId").asText());
        String decisionEventId = decision.path("eventId").asText();
        // … and the money: one BudgetAdjusted caused by it, the budget 300,000.00 lower
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(adjustmentsCausedBy(decisionEventId)).hasSize(1));
        JsonNode money = adjustmentsCausedBy(decisionEventId).get(0);
        assertThat(money.path("basis").asText()).isEqualTo("MONITORING_DECISION");
        assertThat(money.path("amount").asText()).isEqualTo("-300000.00");
        assertThat(money.path("reason").asText()).contains("收回", "d-withdraw-1", "执行进度滞后");
        BigDecimal budgetAfter = budgetBefore.subtract(new BigDecimal("300000.00"));
        assertThat(new BigDecimal(stack.callAs(finance, "GET", MONEY, null).body().path("budget").asText()))
                .isEqualByComparingTo(budgetAfter);
        // a retry once evaluation-service's own budget figures show the cut: the unspent budget it looks up for the
        // command is now 300,000.00 lower, and the retry is still the same request, answered as recorded
        String evaluationView = "/api/evaluation/districts/" + D + "/budget/projects/" + PROJECT;
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(new BigDecimal(stack.callAs(finance, "GET", evaluationView, null).body().path("budget")
                        .asText())).isEqualByComparingTo(budgetAfter));
        Answer late = stack.callAs(finance, "POST", decisions, withdrawal, "Idempotency-Key", "bureau-withdraw-1");
        assertThat(late.status()).as("a retry after the cut reached evaluation-service").isEqualTo(200);
        assertThat(late.body().path("budgetChange").asText()).isEqualTo("-300000.00");
        assertThat(stack.queryLong("evaluation", "SELECT count(*) FROM domainevententry")).isEqualTo(evaluationEvents + 1);
        assertThat(adjustmentsCausedBy(decisionEventId)).hasSize(1);
        return decisionEventId;
    }

    private static List<JsonNode> adjustmentsCausedBy(String eventId) {
        List<JsonNode> found = new ArrayList<>();
        stack.callAs(finance, "GET", MONEY + "/history?limit=5000", null).body().path("events").forEach(e -> {
            if (e.path("type").asText().equals("BudgetAdjusted") && eventId.equals(e.path("causeEventId").asText())) {
                found.add(e);
            }
        });
        return found;
    }

    // ------------------------------------------------------------------ what the readers see

    private static void budgetHistoryShowsTheReversalPairWithItsActor(long[] reversal) {
        JsonNode history = stack.callAs(finance, "GET", MONEY + "/history?limit=5000", null).body();
        JsonNode original = entry(history, reversal[0]);
        JsonNode reversing = entry(history, reversal[1]);
        assertThat(original.path("type").asText()).isEqualTo("ExpenditureRecorded");
        assertThat(original.path("reversedBy").asLong()).isEqualTo(reversal[1]);
        assertThat(original.path("actor").asText()).isEqualTo("finance-lukou");
        assertThat(reversing.path("type").asText()).isEqualTo("EntryReversed");
        assertThat(reversing.path("reverses").asLong()).isEqualTo(reversal[0]);
        assertThat(reversing.path("actor").asText()).isEqualTo("finance-lukou");
        assertThat(reversing.path("reason").asText()).isEqualTo("误将设备采购款记入本项目");
        assertThat(reversing.path("amount").asText()).endsWith("12345.67");
        // the figures after the pair are those before the mistake
        JsonNode beforeMistake = entry(history, reversal[0] - 1).path("figuresAfter");
        assertThat(reversing.path("figuresAfter").path("spent").asText())
                .isEqualTo(beforeMistake.path("spent").asText());
        // a dashboard is kept out of project histories
        assertThat(stack.callAs(dashboard, "GET", MONEY + "/history", null).status()).isEqualTo(403);
    }

    private static void evaluationEventsOfTheProjectShowEachActWithItsActor(String keyEvaluationId) {
        String path = "/api/disclosure/districts/" + D + "/projects/" + PROJECT + "/evaluation-events";
        List<String> expected = List.of("SelfEvaluationSubmitted", "SelfEvaluationReturned", "SelfEvaluationSubmitted",
                "SelfEvaluationAccepted", "SelfEvaluationSpotChecked", "KeyEvaluationCommissioned",
                "KeyEvaluationCompleted", "RectificationOpened", "RectificationOverdue", "RectificationCompleted",
                "RectificationSignedOff");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(types(stack.callAs(finance, "GET", path, null).body())).containsAll(expected));
        JsonNode events = stack.callAs(finance, "GET", path, null).body().path("events");
        Map.of("SelfEvaluationSubmitted", "clerk-gaj", "SelfEvaluationReturned", "finance-lukou",
                "SelfEvaluationAccepted", "finance-lukou", "SelfEvaluationSpotChecked", "finance-lukou",
                "KeyEvaluationCompleted", "evaluator-lukou", "RectificationOpened", "finance-lukou",
                "RectificationOverdue", "system:rectification-overdue", "RectificationCompleted", "clerk-gaj",
                "RectificationSignedOff", "finance-lukou").forEach((type, actor) ->
                assertThat(first(events, type).path("actor").asText()).as("actor of " + type).isEqualTo(actor));
        // the return names its reason per indicator; the item names the key evaluation's finding
        JsonNode returned = first(events, "SelfEvaluationReturned").path("event");
        assertThat(returned.path("reasons").findValuesAsText("l3")).containsExactly("视频监控点位正常运行数", "预算执行率");
        JsonNode opened = first(events, "RectificationOpened").path("event").path("source");
        assertThat(opened.path("evaluationId").asText()).isEqualTo(keyEvaluationId);
        assertThat(opened.path("findingIndex").asInt()).isZero();
        assertThat(opened.path("problem").asText()).isEqualTo("视频监控点位运维合同未约定考核指标");
    }

    /**
     * 渌口区 moves its monitoring checkpoint from the end of 8月 to the end of 9月 through evaluation-service's API: the
     * report and the findings from that instant on name version 1 and compute under it; the report as of an instant
     * before the change is what it was, and names version 0.
     */
    private static void monitoringMonthChangedThroughTheApi() {
        String findings = "/api/disclosure/districts/" + D + "/years/2023/findings";
        String earlierReport = REPORT + "?asOf=" + Instant.now().truncatedTo(ChronoUnit.MILLIS);
        JsonNode before = stack.callAs(finance, "GET", earlierReport, null).body();
        assertThat(before.path("ruleVersion").asText()).isEqualTo("disclosure-rules/1+" + D + ":v0");
        assertThat(before.at("/settings/monitoringCheckpointMonth").asInt()).isEqualTo(8);
        assertThat(stack.callAs(finance, "GET", findings, null).body().path("ruleVersion").asText())
                .isEqualTo("disclosure-rules/1+" + D + ":v0");

        String september = "{\"monitoring\":{\"checkpointMonths\":[9]}}";
        refused(stack.callAs(unit, "PUT", "/api/evaluation/districts/" + D + "/settings", september), "UNIT sets rules");
        Answer changed = stack.callAs(finance, "PUT", "/api/evaluation/districts/" + D + "/settings", september,
                "Idempotency-Key", "bureau-rules-1");
        created(changed, "the rules' version 1");
        assertThat(changed.body().path("ruleVersion").asText()).isEqualTo(D + ":v1");

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() ->
                stack.callAs(finance, "GET", REPORT, null).body().path("ruleVersion").asText().endsWith(":v1"));
        JsonNode live = stack.callAs(finance, "GET", REPORT, null).body();
        assertThat(live.path("ruleVersion").asText()).isEqualTo("disclosure-rules/1+" + D + ":v1");
        assertThat(live.at("/settings/monitoringCheckpointMonth").asInt()).isEqualTo(9);
        assertThat(live.at("/performance/monitoring")).isNotEqualTo(before.at("/performance/monitoring"));
        assertThat(stack.callAs(finance, "GET", findings, null).body().path("ruleVersion").asText())
                .isEqualTo("disclosure-rules/1+" + D + ":v1");
        JsonNode earlierAgain = stack.callAs(finance, "GET", earlierReport, null).body();
        assertThat(earlierAgain.toString()).isEqualTo(before.toString());
    }

    private static void districtReportCountsTheWithdrawal() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() ->
                stack.callAs(finance, "GET", REPORT, null).body().path("performance").path("monitoring")
                        .path("decisions").path("count").asInt() == 1);
        JsonNode decisions = stack.callAs(finance, "GET", REPORT, null).body().path("performance").path("monitoring")
                .path("decisions");
        assertThat(decisions.path("kinds").get(0).path("kind").asText()).isEqualTo("收回");
        assertThat(decisions.path("budgetChangeWan").asText()).isEqualTo("-30.00");
    }

    private static void districtReportCountsAndListsTheActs(long[] reversal) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() ->
                stack.callAs(finance, "GET", REPORT, null).body().path("performance").path("rectifications")
                        .path("signedOff").asInt() == 1);
        JsonNode report = stack.callAs(finance, "GET", REPORT, null).body();
        JsonNode self = report.path("performance").path("selfEvaluations");
        counts(self, Map.of("submitted", 1, "resubmissions", 1, "returned", 1, "returns", 1, "accepted", 1,
                "awaitingReview", 0, "spotChecked", 1));
        JsonNode check = self.path("spotChecks").get(0);
        assertThat(check.path("financeScore").asText()).isEqualTo("85.50");
        String unitScore = check.path("unitScore").asText();
        assertThat(unitScore).isNotBlank();

        JsonNode rectifications = report.path("performance").path("rectifications");
        counts(rectifications, Map.of("opened", 1, "done", 1, "signedOff", 1, "overdueNow", 0, "doneLate", 1));
        JsonNode line = rectifications.path("items").get(0);
        assertThat(line.path("rectificationId").asText()).isEqualTo("zg-gaj-pacs-1");
        assertThat(line.path("overdueSince").asText()).isEqualTo(DUE_AT);
        assertThat(line.path("late").asBoolean()).isTrue();
        assertThat(line.path("doneOn").asText()).isEqualTo("2023-12-20");
        assertThat(line.path("signedOn").asText()).isEqualTo("2023-12-22");
        assertThat(line.path("openedBy").asText()).isEqualTo("finance-lukou");
        assertThat(line.path("completedBy").asText()).isEqualTo("clerk-gaj");
        assertThat(line.path("signedOffBy").asText()).isEqualTo("finance-lukou");
        assertThat(line.path("problem").asText()).isEqualTo("视频监控点位运维合同未约定考核指标");
        // the figures exclude the reversed expenditure and its reversal: 210 万元 spent as the demo loaded it
        JsonNode project = null;
        for (JsonNode p : report.path("projects").path("items")) {
            if (p.path("projectId").asText().equals(PROJECT)) {
                project = p;
            }
        }
        assertThat(project).isNotNull();
        assertThat(project.path("spentWan").asText()).isEqualTo("210.00");
        // the reversal pair: the reversal beside the entry it reverses, and who recorded it
        JsonNode reversals = report.path("projects").path("reversals");
        assertThat(reversals).hasSize(1);
        JsonNode pair = reversals.get(0);
        assertThat(pair.path("projectId").asText()).isEqualTo(PROJECT);
        assertThat(pair.path("originalSequence").asLong()).isEqualTo(reversal[0]);
        assertThat(pair.path("kind").asText()).isEqualTo("支出");
        assertThat(pair.path("amount").asText()).isEqualTo("12345.67");
        assertThat(pair.path("reason").asText()).isEqualTo("误将设备采购款记入本项目");
        assertThat(pair.path("reversedBy").asText()).isEqualTo("finance-lukou");
        // a dashboard gets the same figures without the subject ids
        JsonNode wallPair = stack.callAs(dashboard, "GET", REPORT, null).body().path("projects").path("reversals").get(0);
        assertThat(wallPair.path("originalSequence").asLong()).isEqualTo(reversal[0]);
        assertThat(wallPair.hasNonNull("reversedBy")).as("reversedBy shown to a dashboard").isFalse();
        JsonNode wall = stack.callAs(dashboard, "GET", REPORT, null).body().path("performance")
                .path("rectifications").path("items").get(0);
        assertThat(wall.path("status").asText()).isEqualTo(line.path("status").asText());
        assertThat(wall.hasNonNull("openedBy")).as("openedBy shown to a dashboard").isFalse();

        String html = stack.fetchText(finance, REPORT + "?format=html");
        assertThat(html).isNotNull().contains("自评审核", "整改情况", "zg-gaj-pacs-1", "已销号", "2023-12-16",
                "finance-lukou", "clerk-gaj");
        assertThat(html).contains("财政部门审核单位自评1份，退回1份，采纳1份，抽查1份");
        assertThat(html).contains("对评价和监控发现的1个问题开展整改，已完成1个、已销号1个，逾期0个。");
        String csv = stack.fetchText(finance, REPORT + "?format=csv&table=rectifications");
        assertThat(csv).isNotNull().contains("zg-gaj-pacs-1", "已销号", "2023-12-16", "2023-12-20");
        assertThat(html).contains("红字冲销", "误将设备采购款记入本项目", "12345.67");
        assertThat(stack.fetchText(finance, REPORT + "?format=csv&table=reversals")).isNotNull()
                .contains(PROJECT, "支出", String.valueOf(reversal[0]), "12345.67", "finance-lukou");
    }

    // ------------------------------------------------------------------ helpers

    private static void created(Answer answer, String what) {
        assertThat(answer.status()).as(what + ": " + answer.body()).isEqualTo(201);
    }

    private static void refused(Answer answer, String what) {
        assertThat(answer.status()).as(what + ": " + answer.body()).isIn(403, 404);
        assertThat(answer.contentType()).as(what).startsWith("application/problem+json");
    }

    private static void counts(JsonNode section, Map<String, Integer> expected) {
        expected.forEach((field, count) -> assertThat(section.path(field).asInt()).as(field).isEqualTo(count));
    }

    private static long evaluationEvents() throws Exception {
        return stack.queryLong("evaluation", "SELECT count(*) FROM domainevententry");
    }

    private static JsonNode act(JsonNode item, String type) {
        return first(item.path("history"), type);
    }

    private static JsonNode entry(JsonNode history, long sequence) {
        for (JsonNode e : history.path("events")) {
            if (e.path("sequence").asLong() == sequence) {
                return e;
            }
        }
        throw new AssertionError("no event " + sequence + " in the history");
    }

    private static List<String> types(JsonNode list) {
        List<String> types = new ArrayList<>();
        list.path("events").forEach(e -> types.add(e.path("type").asText()));
        return types;
    }

    private static JsonNode first(JsonNode events, String type) {
        for (JsonNode e : events) {
            if (e.path("type").asText().equals(type)) {
                return e;
            }
        }
        throw new AssertionError("no " + type + " among " + events.findValuesAsText("type"));
    }
}
