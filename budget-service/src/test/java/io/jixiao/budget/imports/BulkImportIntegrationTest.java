package io.jixiao.budget.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.jixiao.budget.Api;
import io.jixiao.budget.Api.Answer;
import io.jixiao.budget.project.ProjectCommands;
import io.jixiao.events.EventMetadata;
import io.jixiao.events.budget.BudgetAppropriated;
import io.jixiao.events.budget.ExpenditureRecorded;
import io.jixiao.events.budget.FundSource;
import io.jixiao.events.budget.ProjectCategory;
import io.jixiao.events.budget.ProjectRegistered;
import io.jixiao.infra.SharedTestInfra;
import io.jixiao.support.testing.ServiceIntegrationTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The platform's bulk path (10,000 lines, resent whole) and a project of 10,000 events, on real PG and Kafka. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class BulkImportIntegrationTest extends ServiceIntegrationTest {
    private static final String DB = SharedTestInfra.freshDatabase("budget_import");
    private static final String D = "430298";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DB);
    }

    @Autowired
    EventStore eventStore;
    @Autowired
    PlatformTransactionManager transactionManager;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        api.expect(200, "PUT", "/api/budget/districts/" + D + "/settings", "{\"goalBeforeBudget\":false}");
    }

    private long allEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
    }

    private Answer importLines(String contentType, String body, String districts) {
        return api.send("POST", "/api/budget/imports", contentType, body, "X-Jixiao-Districts", districts);
    }

    @Test
    void tenThousandLinesWithThreeBadOnesApply9997AndResendingAppliesNothingNew() {
        StringBuilder file = new StringBuilder();
        int lines = 0;
        for (int u = 0; u < 10; u++) {
            file.append(line("u" + u, "registerUnit", "\"unitId\":\"unit-" + u + "\",\"name\":\"单位" + u + "\""));
            lines++;
        }
        for (int p = 0; p < 100; p++) {
            file.append(line("p" + p, "registerProject", "\"projectId\":\"prj-" + p + "\",\"unitId\":\"unit-" + (p % 10)
                    + "\",\"name\":\"项目" + p + "\",\"category\":\"专项资金\",\"fiscalYear\":2023"));
            file.append(line("a" + p, "appropriate", "\"projectId\":\"prj-" + p
                    + "\",\"amount\":\"1000000.00\",\"source\":\"一般公共预算\",\"date\":\"2023-01-20\""));
            lines += 2;
        }
        List<String> bad = new ArrayList<>();
        for (int i = 0; lines < 10_000; i++, lines++) {
            String id = "s" + i;
            String project = "\"projectId\":\"prj-" + (i % 100) + "\"";
            if (i == 1234) {
                bad.add(id);
                file.append(line(id, "spend", project + ",\"amount\":\"99999999.00\",\"date\":\"2023-05-01\""));
            } else if (i == 5678) {
                bad.add(id);
                file.append(line(id, "spend", project + ",\"amount\":\"1.001\",\"date\":\"2023-05-01\""));
            } else if (i == 9000) {
                bad.add(id);
                file.append(line(id, "spend", project + ",\"amount\":\"1.00\",\"date\":\"2023-05-01\"")
                        .replace("\"district\":\"" + D + "\"", "\"district\":\"430299\""));
            } else {
                file.append(line(id, "spend", project + ",\"amount\":10.00,\"date\":\"2023-05-01\""));
            }
        }
        long before = allEvents();

        long start = System.nanoTime();
        Answer first = importLines("application/x-ndjson", file.toString(), D);
        long firstMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(first.status()).as(String.valueOf(first.body())).isEqualTo(200);
        assertThat(first.text("lines")).isEqualTo("10000");
        assertThat(first.text("applied")).isEqualTo("9997");
        assertThat(first.text("rejected")).isEqualTo("3");
        List<JsonNode> rejected = new ArrayList<>();
        first.body().get("results").forEach(r -> {
            if (r.get("status").asText().equals("REJECTED")) {
                rejected.add(r);
            }
        });
        assertThat(rejected).extracting(r -> r.get("lineId").asText()).containsExactlyElementsOf(bad);
        assertThat(rejected).extracting(r -> r.get("rule").asText())
                .containsExactly("SPENDING_ABOVE_AVAILABLE", "VALIDATION", "DISTRICT_NOT_ALLOWED");
        assertThat(rejected).extracting(r -> r.get("field").asText()).containsExactly("amount", "amount", "district");
        assertThat(rejected.get(0).get("message").asText()).contains("exceeds");
        assertThat(allEvents() - before).isEqualTo(9_997);
        Answer project = api.expect(200, "GET", "/api/budget/districts/" + D + "/projects/prj-7", null);
        assertThat(project.text("spent")).isEqualTo("980.00");  // 98 spend lines of 10.00 on prj-7
        assertThat(project.text("budget")).isEqualTo("1000000.00");

        start = System.nanoTime();
        Answer resent = importLines("application/json-lines", file.toString(), D);
        long resentMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(resent.text("applied")).isEqualTo("0");
        assertThat(resent.text("alreadyApplied")).isEqualTo("9997");
        assertThat(resent.text("rejected")).isEqualTo("3");
        assertThat(allEvents() - before).isEqualTo(9_997);
        System.out.printf("bulk import of 10,000 lines: %d ms (service: %s ms); resent whole: %d ms (service: %s ms)%n",
                firstMillis, first.text("elapsedMillis"), resentMillis, resent.text("elapsedMillis"));
    }

    private static String line(String lineId, String op, String fields) {
        return "{\"lineId\":\"" + lineId + "\",\"op\":\"" + op + "\",\"district\":\"" + D + "\"," + fields + "}\n";
    }

    @Test
    void aReverseLineReversesOnceOnlyForTheBureauAndIsSafeToResend() {
        String lines = String.join("\n",
                "{\"lineId\":\"r1\",\"op\":\"registerUnit\",\"district\":\"430298\",\"unitId\":\"rev-u\",\"name\":\"冲销单位\"}",
                "{\"lineId\":\"r2\",\"op\":\"registerProject\",\"district\":\"430298\",\"projectId\":\"rev-p\",\"unitId\":\"rev-u\",\"name\":\"项目\",\"category\":\"专项资金\",\"fiscalYear\":2023}",
                "{\"lineId\":\"r3\",\"op\":\"appropriate\",\"district\":\"430298\",\"projectId\":\"rev-p\",\"amount\":\"500.00\",\"source\":\"一般公共预算\",\"date\":\"2023-01-20\"}",
                "{\"lineId\":\"r4\",\"op\":\"spend\",\"district\":\"430298\",\"projectId\":\"rev-p\",\"amount\":\"70.00\",\"date\":\"2023-03-01\"}",
                "{\"lineId\":\"r5\",\"op\":\"reverse\",\"district\":\"430298\",\"projectId\":\"rev-p\",\"originalSequence\":2,\"reason\":\"录错项目\"}",
                "{\"lineId\":\"r6\",\"op\":\"reverse\",\"district\":\"430298\",\"projectId\":\"rev-p\",\"originalSequence\":2,\"reason\":\"again\"}");
        Answer first = importLines("application/x-ndjson", lines, "430298");
        assertThat(first.status()).as(String.valueOf(first.body())).isEqualTo(200);
        assertThat(first.text("applied")).isEqualTo("5");
        assertThat(first.text("results.4.status")).isEqualTo("APPLIED");
        assertThat(first.text("results.5.status")).isEqualTo("REJECTED");
        assertThat(first.text("results.5.rule")).isEqualTo("ALREADY_REVERSED");
        Answer project = api.expect(200, "GET", "/api/budget/districts/430298/projects/rev-p", null);
        assertThat(project.text("spent")).isEqualTo("0.00");
        assertThat(project.text("budget")).isEqualTo("500.00");
        long events = allEvents();
        Answer again = importLines("application/x-ndjson", lines, "430298");
        assertThat(again.text("alreadyApplied")).isEqualTo("5");
        assertThat(allEvents()).isEqualTo(events);

        Api platform = new Api(port, Api.ALICE.withRoles(java.util.Set.of("INTEGRATION")));
        Answer notTheBureau = platform.send("POST", "/api/budget/imports", "application/x-ndjson",
                lines.lines().skip(3).findFirst().orElseThrow().replace("r4", "r7").replace("spend", "reverse")
                        .replace("\"amount\":\"70.00\"", "\"originalSequence\":1,\"reason\":\"x\""),
                "X-Jixiao-Districts", "430298");
        assertThat(notTheBureau.text("results.0.rule")).as(String.valueOf(notTheBureau.body())).isEqualTo("FINANCE_ONLY");
        assertThat(allEvents()).isEqualTo(events);
    }

    @Test
    void csvLinesApplyEachOnItsOwnAndAreSafeToResend() {
        String csv = "lineId,op,district,unitId,projectId,name,category,fiscalYear,amount,source,basis,reason,date,class,year,kind,type,bondId,termYears\n"
                + "c1,registerUnit,430298,csv-u,,\"单位, 汇总\",,,,,,,,,,,,,\n"
                + "c2,registerProject,430298,csv-u,csv-p,项目,专项资金,2023,,,,,,,,,,,\n"
                + "c3,appropriate,430298,,csv-p,,,,500.00,一般公共预算,,,2023-01-20,,,,,,\n"
                + "c4,adjust,430298,,csv-p,,,,-100.00,,MID_YEAR,\"调减, 见 \"\"文件\"\"\",2023-06-30,,,,,,\n"
                + "c5,spend,430298,,ghost,,,,1.00,,,,2023-06-30,,,,,,\n"
                + "c6,basicBudget,430298,csv-u,,,,,80.00,,,,2023-01-01,,2023,,,,\n"
                + "c7,basicSpend,430298,csv-u,,,,,30.00,,,,2023-03-01,PUBLIC,2023,,,,\n"
                + "c8,transfer,430298,,,,,,12.00,,,,2023-03-01,,2023,专项,,,\n"
                + "c9,bond,430298,,,,,,40.00,,,,2023-03-01,,2023,NEW,SPECIAL,csv-b1,3;10\n"
                + "c10,threePublicBudget,430298,csv-u,,,公务接待,,19.00,,,,,,2023,,,,\n"
                + "c11,frobnicate,430298,,,,,,,,,,,,,,,,\n";
        Answer first = importLines("text/csv", csv, "430298,430203");
        assertThat(first.status()).as(String.valueOf(first.body())).isEqualTo(200);
        assertThat(first.text("applied")).isEqualTo("9");
        assertThat(first.text("results.4.status")).isEqualTo("REJECTED");
        assertThat(first.text("results.4.rule")).isEqualTo("NOT_FOUND");
        assertThat(first.text("results.4.line")).isEqualTo("6");
        assertThat(first.text("results.10.rule")).isEqualTo("UNKNOWN_OP");
        Answer project = api.expect(200, "GET", "/api/budget/districts/430298/projects/csv-p/history", null);
        assertThat(project.text("events.2.reason")).isEqualTo("调减, 见 \"文件\"");
        assertThat(project.text("events.2.requestId")).isEqualTo("c4");
        assertThat(api.call("GET", "/api/budget/districts/430298/units/csv-u", null).text("name")).isEqualTo("单位, 汇总");
        assertThat(api.call("GET", "/api/budget/districts/430298/years/2023/debt", null).text("bonds.0.termYears.1"))
                .isEqualTo("10");
        long events = allEvents();
        Answer again = importLines("text/csv", csv, "430298");
        assertThat(again.text("applied")).isEqualTo("0");
        assertThat(again.text("alreadyApplied")).isEqualTo("9");
        assertThat(allEvents()).isEqualTo(events);
        Answer nobody = importLines("text/csv", csv, "430203");
        assertThat(nobody.text("rejected")).isEqualTo("11");
        assertThat(nobody.text("results.0.rule")).isEqualTo("DISTRICT_NOT_ALLOWED");
        Answer wrongType = api.send("POST", "/api/budget/imports", "application/xml", "<x/>");
        assertThat(wrongType.status()).isEqualTo(415);
    }

    /**
     * A project's registration with its money lines, and a unit-year's lines, each go to their aggregate in one
     * unit of work: every line keeps its own answer and line number; a new project or unit-year none of whose lines
     * was recorded stores nothing (its unit registered later, the same lines apply); a resent file applies nothing.
     */
    @Test
    void linesOfOneAggregateGoTogetherKeepTheirOwnAnswersAndAreSafeToResend() {
        String file = line("g1", "registerUnit", "\"unitId\":\"grp-u\",\"name\":\"单位\"")
                + line("g2", "registerProject", "\"projectId\":\"grp-p\",\"unitId\":\"grp-u\",\"name\":\"项目\","
                + "\"category\":\"专项资金\",\"fiscalYear\":2023")
                + line("g3", "appropriate", "\"projectId\":\"grp-p\",\"amount\":\"100.00\",\"source\":\"一般公共预算\","
                + "\"date\":\"2023-01-20\"")
                + line("g4", "spend", "\"projectId\":\"grp-p\",\"amount\":\"150.00\",\"date\":\"2023-05-01\"")
                + line("g5", "spend", "\"projectId\":\"grp-p\",\"amount\":\"60.00\",\"date\":\"2023-05-01\"")
                + line("g6", "basicBudget", "\"unitId\":\"grp-u\",\"year\":2023,\"amount\":\"80.00\",\"date\":\"2023-01-01\"")
                + line("g7", "basicSpend", "\"unitId\":\"grp-u\",\"year\":2023,\"amount\":\"90.00\",\"class\":\"PUBLIC\","
                + "\"date\":\"2023-03-01\"")
                + line("g8", "basicSpend", "\"unitId\":\"grp-u\",\"year\":2023,\"amount\":\"30.00\",\"class\":\"PUBLIC\","
                + "\"date\":\"2023-03-01\"")
                + line("g9", "registerProject", "\"projectId\":\"grp-orphan\",\"unitId\":\"grp-late\",\"name\":\"项目\","
                + "\"category\":\"专项资金\",\"fiscalYear\":2023")
                + line("g10", "appropriate", "\"projectId\":\"grp-orphan\",\"amount\":\"5.00\",\"source\":\"一般公共预算\","
                + "\"date\":\"2023-01-20\"")
                + line("g11", "basicBudget", "\"unitId\":\"grp-late\",\"year\":2023,\"amount\":\"8.00\",\"date\":\"2023-01-01\"")
                + line("g12", "basicBudget", "\"unitId\":\"grp-late\",\"year\":2023,\"amount\":\"9.00\",\"date\":\"2023-01-01\"");
        long before = allEvents();
        Answer first = importLines("application/x-ndjson", file, D);
        assertThat(first.status()).as(String.valueOf(first.body())).isEqualTo(200);
        List<String> statuses = new ArrayList<>();
        List<String> rules = new ArrayList<>();
        first.body().get("results").forEach(r -> {
            statuses.add(r.get("line").asText() + " " + r.get("status").asText());
            rules.add(r.path("rule").asText("") + "/" + r.path("field").asText(""));
        });
        assertThat(statuses).containsExactly("1 APPLIED", "2 APPLIED", "3 APPLIED", "4 REJECTED", "5 APPLIED",
                "6 APPLIED", "7 REJECTED", "8 APPLIED", "9 REJECTED", "10 REJECTED", "11 REJECTED", "12 REJECTED");
        assertThat(rules).containsExactly("/", "/", "/", "SPENDING_ABOVE_AVAILABLE/amount", "/", "/",
                "SPENDING_ABOVE_AVAILABLE/amount", "/", "UNKNOWN_UNIT/unitId", "NOT_FOUND/projectId",
                "UNKNOWN_UNIT/unitId", "UNKNOWN_UNIT/unitId");
        assertThat(first.text("results.2.sequence")).isEqualTo("1");
        assertThat(allEvents() - before).isEqualTo(6);
        Answer history = api.expect(200, "GET", "/api/budget/districts/" + D + "/projects/grp-p/history", null);
        assertThat(history.text("events.0.requestId")).isEqualTo("g2");
        assertThat(history.text("events.2.requestId")).isEqualTo("g5");

        Answer resent = importLines("application/x-ndjson", file, D);
        assertThat(resent.text("applied")).isEqualTo("0");
        assertThat(resent.text("alreadyApplied")).isEqualTo("6");
        assertThat(resent.text("rejected")).isEqualTo("6");
        assertThat(allEvents() - before).isEqualTo(6);

        Answer late = importLines("application/x-ndjson",
                line("g13", "registerUnit", "\"unitId\":\"grp-late\",\"name\":\"后来的单位\"") + file, D);
        assertThat(late.text("applied")).isEqualTo("5");   // g13, g9, g10, g11, g12
        assertThat(late.text("alreadyApplied")).isEqualTo("6");
        assertThat(api.expect(200, "GET", "/api/budget/districts/" + D + "/projects/grp-orphan", null).text("budget"))
                .isEqualTo("5.00");
        assertThat(allEvents() - before).isEqualTo(11);
    }

    /** Found by the fault suite's bad-input run: a NUL after an id was trimmed away, a huge exponent failed the file. */
    @Test
    void controlCharactersAndAbsurdNumbersRefuseTheirLineAloneAndRecordNothing() {
        String setup = "lineId,op,district,unitId,projectId,name,category,fiscalYear,amount,source,date\n"
                + "cc1,registerUnit,430298,cc-u,,控制字符单位,,,,,\n"
                + "cc2,registerProject,430298,cc-u,cc-p,控制字符项目,专项资金,2023,,,\n"
                + "cc3,appropriate,430298,,cc-p,,,,500.00,一般公共预算,2023-01-20\n";
        assertThat(importLines("text/csv", setup, D).text("applied")).isEqualTo("3");
        long before = allEvents();

        String csv = "lineId,op,district,projectId,amount,date\n"
                + "cc4,spend,430298,cc-p\u0000,1.00,2023-03-01\n"
                + "cc5,spend,430298,\u0000cc-p,1.00,2023-03-01\n"
                + "cc6,spend,430298,cc-p\t,1.00,2023-03-01\n"
                + "cc7,spend,430298,cc-p,1E+2147483647,2023-03-01\n"
                + "cc8,spend,430298,cc-p,1.00\u0000,2023-03-01\n"
                + "cc9,spend,430298,cc-p,-1E+2147483647,2023-03-01\n"
                + "cc10,spend,430298, cc-p ,2.00, 2023-03-01 \n";
        Answer fromCsv = importLines("text/csv", csv, D);
        assertThat(fromCsv.status()).as(String.valueOf(fromCsv.body())).isEqualTo(200);
        assertThat(fromCsv.text("applied")).isEqualTo("1");
        assertThat(fromCsv.text("rejected")).isEqualTo("6");
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            assertThat(fromCsv.text("results." + i + ".status")).isEqualTo("REJECTED");
            assertThat(fromCsv.text("results." + i + ".rule")).isEqualTo("VALIDATION");
            fields.add(fromCsv.text("results." + i + ".field"));
        }
        assertThat(fields).containsExactly("projectId", "projectId", "projectId", "amount", "amount", "amount");
        assertThat(fromCsv.text("results.0.message")).contains("control characters", "U+0000");
        assertThat(fromCsv.text("results.2.message")).contains("U+0009");
        assertThat(fromCsv.text("results.3.message")).contains("out of range");
        assertThat(fromCsv.text("results.6.status")).isEqualTo("APPLIED");  // spaces (only) are trimmed

        String jsonLines = line("cc11", "spend", "\"projectId\":\"cc-p\\u0000\",\"amount\":\"1.00\"")
                + line("cc12", "spend", "\"projectId\":\"cc-p\",\"amount\":1E+2147483647")
                + line("cc13", "spend", "\"projectId\":\"cc-p\",\"amount\":\"1E+2147483647\"")
                + line("cc14", "spend", "\"projectId\":\"cc-p\",\"amount\":\"1.00\\u0000\"")
                + line("cc15", "spend", "\"projectId\":\"cc-p\",\"amount\":\"1.00\",\"date\":\"2023-03-01\\u0000\"")
                + line("cc16", "spend", "\"projectId\":\"cc-p\",\"amount\":\"1.00\",\"date\":\"2023-03-01\\ud800\"");
        Answer fromJson = importLines("application/x-ndjson", jsonLines, D);
        assertThat(fromJson.status()).as(String.valueOf(fromJson.body())).isEqualTo(200);
        assertThat(fromJson.text("applied")).isEqualTo("0");
        assertThat(fromJson.text("rejected")).isEqualTo("6");
        fields.clear();
        for (int i = 0; i < 6; i++) {
            assertThat(fromJson.text("results." + i + ".rule")).isEqualTo("VALIDATION");
            fields.add(fromJson.text("results." + i + ".field"));
        }
        assertThat(fields).containsExactly("projectId", "amount", "amount", "amount", "date", "date");
        assertThat(fromJson.text("results.5.message")).contains("lone surrogate");

        assertThat(allEvents() - before).isEqualTo(1);
        Answer project = api.expect(200, "GET", "/api/budget/districts/" + D + "/projects/cc-p", null);
        assertThat(project.text("spent")).isEqualTo("2.00");
    }

    @Test
    void aProjectWithTenThousandEventsLoadsFromItsSnapshotAndItsHistoryWorks() {
        String key = ProjectCommands.projectKey(D, "big");
        LocalDate day = LocalDate.of(2023, 3, 1);
        MetaData meta = MetaData.from(Map.of(EventMetadata.DISTRICT_CODE, D, EventMetadata.ACTOR, "seed"));
        List<Object> payloads = new ArrayList<>();
        api.expect(201, "PUT", "/api/budget/districts/" + D + "/units/big-u", "{\"name\":\"大单位\"}");
        payloads.add(new ProjectRegistered(D, "big", "big-u", "大项目", ProjectCategory.SPECIAL_FUND, 2023, 1));
        payloads.add(new BudgetAppropriated(D, "big", 100_000_000L, FundSource.GENERAL_PUBLIC_BUDGET, null, day));
        while (payloads.size() < 10_000) {
            payloads.add(new ExpenditureRecorded(D, "big", 100L, day));
        }
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        long seedStart = System.nanoTime();
        for (int from = 0; from < payloads.size(); from += 1000) {
            int first = from;
            tx.executeWithoutResult(status -> {
                DefaultUnitOfWork<?> uow = DefaultUnitOfWork.startAndGet(null);
                List<GenericDomainEventMessage<?>> batch = new ArrayList<>();
                for (int i = first; i < Math.min(first + 1000, payloads.size()); i++) {
                    batch.add(new GenericDomainEventMessage<>("Project", key, i, payloads.get(i), meta));
                }
                eventStore.publish(batch);
                uow.commit();
            });
        }
        long seedMillis = (System.nanoTime() - seedStart) / 1_000_000;
        String path = "/api/budget/districts/" + D + "/projects/big";
        assertThat(api.call("GET", path, null).text("spent")).isEqualTo("9998.00");

        long start = System.nanoTime();
        Answer withoutSnapshot = api.expect(201, "POST", path + "/expenditures", "{\"amount\":\"1.00\",\"date\":\"2023-04-01\"}");
        long withoutSnapshotMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(withoutSnapshot.text("sequence")).isEqualTo("10000");
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM snapshotevententry WHERE aggregateidentifier = ?", Long.class, key) > 0);
        start = System.nanoTime();
        Answer fromSnapshot = api.expect(201, "POST", path + "/expenditures", "{\"amount\":\"2.00\",\"date\":\"2023-04-02\"}",
                "If-Match", "\"10000\"");
        long fromSnapshotMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(fromSnapshot.text("sequence")).isEqualTo("10001");
        assertThat(fromSnapshot.text("project.spent")).isEqualTo("10001.00");
        Answer overspend = api.call("POST", path + "/expenditures", "{\"amount\":\"989999.01\",\"date\":\"2023-04-02\"}");
        assertThat(overspend.status()).isEqualTo(422);  // the snapshot carries the figures: 989999.00 available

        start = System.nanoTime();
        Answer history = api.expectAllPages(path + "/history", "events");
        long historyMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(history.text("eventCount")).isEqualTo("10002");
        assertThat(history.text("stateAsOf.spent")).isEqualTo("10001.00");
        assertThat(history.text("events.10001.figuresAfter.available")).isEqualTo("989999.00");
        System.out.printf("project of 10,000 events: seeded in %d ms; command without snapshot %d ms, from snapshot "
                + "%d ms; history of 10,002 events %d ms%n", seedMillis, withoutSnapshotMillis, fromSnapshotMillis,
                historyMillis);
    }
}
