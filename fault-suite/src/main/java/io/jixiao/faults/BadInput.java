package io.jixiao.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jixiao.events.budget.BudgetCommand;
import io.jixiao.events.budget.BudgetCommand.Field;
import io.jixiao.events.budget.BudgetCommand.FieldKind;
import io.jixiao.local.LocalStackProcesses;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Malformed and hostile requests against every endpoint family of the three services, through the gateway:
 * broken JSON, wrong types, huge numbers, too many decimals, negative amounts, unknown ids, oversized bodies,
 * Unicode edge cases (RTL marks, emoji, lone surrogates, NUL, fullwidth digits), SQL and script fragments, path
 * tricks, hostile headers and query parameters. Each request is built so that it must be refused; many carry an
 * otherwise valid body on an existing record, so that a check the service skipped would record an event.
 *
 * <p>Acceptance: every answer is 4xx {@code application/problem+json} (a bulk import may instead answer 200 with
 * every line refused), none is 5xx, and the event stores hold exactly as many events after as before.
 */
public final class BadInput {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The kinds of bad input. */
    public enum Category {
        BROKEN_JSON, WRONG_TYPES, HUGE_NUMBERS, TOO_MANY_DECIMALS, NEGATIVE_AMOUNTS, UNKNOWN_IDS, OVERSIZED, UNICODE,
        INJECTION, PATH_TRICKS, HEADERS, QUERY
    }

    /**
     * One endpoint: a valid request (path on existing records, body) and its fields. {@code creates}: a valid
     * body at {@code freshPath} (with {@code {n}} for a new id) would record something.
     */
    record Endpoint(String family, String method, String path, String body, List<Field> fields, String freshPath) {
        ObjectNode template() {
            try {
                return (ObjectNode) JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A request to send. {@code raw}: written byte for byte (paths the JDK client would refuse or fix). */
    public record BadRequest(Category category, String family, String method, String path, byte[] body,
                             String contentType, Map<String, String> headers, boolean raw, String description) {
    }

    /** What was answered, by category, and the requests whose answer broke the rules. */
    public record Result(int sent, Map<Category, long[]> byCategory, long problem4xx, long importRefusedPerLine,
                         long serverErrors, long notProblem, long accepted, long noAnswer, long otherStatus,
                         Map<String, Long> eventsBefore, Map<String, Long> eventsAfter, List<String> failures,
                         long unknownFailures, Map<Integer, Long> statuses,
                         Map<String, String> pathTrickAnswers, Duration took) {
        public long eventsRecorded() {
            long n = 0;
            for (String k : eventsAfter.keySet()) {
                n += eventsAfter.get(k) - eventsBefore.getOrDefault(k, 0L);
            }
            return n;
        }

        /** No 5xx, no event recorded, no request answered outside the rules. */
        public boolean passed() {
            return serverErrors == 0 && noAnswer == 0 && unknownFailures == 0 && eventsRecorded() == 0;
        }
    }

    /** Column order of {@link Result#byCategory()}. */
    public static final List<String> COLUMNS = List.of("sent", "4xx problem", "5xx", "not problem+json", "accepted",
            "no answer", "other");

    private final String d;
    private final String project;
    private final String unit;
    private final String goal;
    private final int year;
    private final List<Endpoint> endpoints;
    private final String foreignToken;
    /** Large bodies are built once and shared by the requests that send them. */
    private final Map<String, byte[]> cached = new ConcurrentHashMap<>();
    private static byte[] bigBody;

    /** A body above the gateway's 5 MB limit (about 6.3 MB), built once. */
    private static synchronized byte[] bigBody() {
        if (bigBody == null) {
            bigBody = ("{\"docNo\":\"" + "字".repeat(2_100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        }
        return bigBody;
    }

    /**
     * @param district     a district the load set up (its project {@code fs-p0}, unit {@code fs-unit} and goal exist)
     * @param goalId       a goal that exists (or any id when evaluation-service took none)
     * @param foreignToken a token of one other district, for the header-spoofing requests
     */
    public BadInput(String district, String goalId, String foreignToken) {
        this.d = district;
        this.project = "fs-p0";
        this.unit = Workload.UNIT;
        this.goal = goalId;
        this.year = Settings.FISCAL_YEAR;
        this.foreignToken = foreignToken;
        this.endpoints = endpoints();
    }

    // ------------------------------------------------------------------------------------ endpoint families

    private List<Endpoint> endpoints() {
        String e = "/api/evaluation/districts/" + d;
        String pk = "/api/disclosure/districts/" + d + "/years/" + year + "/units/" + unit + "/packages";
        List<Endpoint> list = new ArrayList<>();
        for (BudgetCommand c : BudgetCommand.values()) {
            list.add(budgetEndpoint(c));
        }
        list.add(new Endpoint("evaluation goal", "PUT", e + "/goals/fs-bad-g0", "{\"scope\":\"PROJECT\",\"projectId\":\""
                + project + "\",\"fiscalYear\":" + year + ",\"amount\":\"100000.00\",\"indicators\":[{\"l1\":\"产出指标\","
                + "\"l2\":\"数量指标\",\"l3\":\"完成数\",\"cmp\":\">=\",\"target\":\"10\",\"unit\":\"个\",\"weight\":20}]}",
                List.of(f("scope", FieldKind.CHOICE, true), f("projectId", FieldKind.ID, false), f("fiscalYear", FieldKind.YEAR, true),
                        f("amount", FieldKind.AMOUNT_SIGNED, true), f("indicators[0].l3", FieldKind.TEXT, false, 300),
                        f("revisionReason", FieldKind.TEXT, false, 1000)), e + "/goals/fs-bad-g{n}"));
        list.add(new Endpoint("evaluation approval", "POST", e + "/goals/" + goal + "/approval",
                "{\"approvedOn\":\"2026-01-10\"}", List.of(f("approvedOn", FieldKind.DATE, false)), null));
        list.add(new Endpoint("evaluation return", "POST", e + "/goals/" + goal + "/return", "{\"reasons\":[\"指标不完整\"]}",
                List.of(f("reasons", FieldKind.TEXT_LIST, true)), null));
        list.add(new Endpoint("evaluation monitoring", "POST", e + "/goals/" + goal + "/monitoring",
                "{\"period\":{\"from\":\"2026-01-01\",\"to\":\"2026-06-30\"},\"mode\":\"SELF\",\"recordedOn\":\"2026-07-01\"}",
                List.of(f("period.from", FieldKind.DATE, true), f("period.to", FieldKind.DATE, true), f("mode", FieldKind.CHOICE, true),
                        f("recordedOn", FieldKind.DATE, false), f("observationId", FieldKind.ID, false)), null));
        list.add(new Endpoint("evaluation self", "PUT", e + "/evaluations/fs-bad-e0/self", "{\"goalId\":\"" + goal
                + "\",\"year\":" + year + ",\"budget\":{\"initial\":\"1.00\",\"fullYear\":\"1.00\",\"executed\":\"1.00\"},"
                + "\"actuals\":[{\"l3\":\"完成数\",\"actual\":\"10\"}]}", List.of(f("goalId", FieldKind.ID, true),
                f("year", FieldKind.YEAR, true), f("budget.initial", FieldKind.AMOUNT_NON_NEGATIVE, true),
                f("budget.executed", FieldKind.AMOUNT_NON_NEGATIVE, true), f("actuals[0].l3", FieldKind.TEXT, true, 300)),
                e + "/evaluations/fs-bad-e{n}/self"));
        list.add(new Endpoint("evaluation key commission", "PUT", e + "/evaluations/fs-bad-k0/key", "{\"type\":\"专项资金\","
                + "\"projectIds\":[\"" + project + "\"],\"evaluator\":\"第三方机构\",\"amount\":\"1.00\",\"year\":" + year + "}",
                List.of(f("type", FieldKind.TEXT, true, 40), f("evaluator", FieldKind.TEXT, true, 200),
                        f("amount", FieldKind.AMOUNT_NON_NEGATIVE, false), f("year", FieldKind.YEAR, true),
                        f("subjectYear", FieldKind.YEAR, false), f("commissionedOn", FieldKind.DATE, false)),
                e + "/evaluations/fs-bad-k{n}/key"));
        list.add(new Endpoint("evaluation key completion", "POST", e + "/evaluations/fs-bad-k0/key/completion",
                "{\"score\":\"85.5\",\"grade\":\"良\",\"findings\":[\"x\"],\"conclusion\":\"y\",\"completedOn\":\"2026-09-01\"}",
                List.of(f("score", FieldKind.AMOUNT_NON_NEGATIVE, false), f("grade", FieldKind.CHOICE, false),
                        f("completedOn", FieldKind.DATE, false)), null));
        list.add(new Endpoint("evaluation application", "POST", e + "/evaluations/fs-bad-k0/application",
                "{\"targetFiscalYear\":2027}", List.of(f("targetFiscalYear", FieldKind.YEAR, false)), null));
        list.add(new Endpoint("disclosure package", "POST", pk, "{\"packageId\":\"fs-bad-pkg0\",\"kind\":\"GOALS\","
                + "\"publishedOn\":\"2026-02-05\",\"tables\":{\"项目支出绩效目标表\":[\"" + project + "\"]}}",
                List.of(f("packageId", FieldKind.ID, true), f("kind", FieldKind.CHOICE, true), f("publishedOn", FieldKind.DATE, true)),
                null));
        list.add(new Endpoint("disclosure retraction", "POST", pk + "/fs-bad-pkg0/retraction",
                "{\"reason\":\"撤回\",\"retractedOn\":\"2026-03-01\"}", List.of(f("reason", FieldKind.TEXT, true, 2000),
                f("retractedOn", FieldKind.DATE, false)), null));
        return list;
    }

    /** The endpoints the generator aims at (for the test that holds them to the command registry). */
    List<Endpoint> endpointList() {
        return endpoints;
    }

    /** An endpoint of budget-service: path and fields from the command registry, the valid body from the samples. */
    Endpoint budgetEndpoint(BudgetCommand c) {
        BudgetSamples.Sample sample = BudgetSamples.of(c, d, project, unit, year);
        return new Endpoint(sample.family(), c.method(), c.path(BudgetSamples.pathValues(d, project, unit, year)),
                sample.body(), c.fields(), sample.freshPath());
    }

    private static Field f(String path, FieldKind kind, boolean required) {
        return new Field(path, kind, required, 0);
    }

    private static Field f(String path, FieldKind kind, boolean required, int maxLength) {
        return new Field(path, kind, required, maxLength);
    }

    /** GET paths of every family (reads), for the path, query and header categories. */
    private List<String> readPaths() {
        String b = "/api/budget/districts/" + d;
        String e = "/api/evaluation/districts/" + d;
        return List.of(b + "/projects/" + project, b + "/projects/" + project + "/history", b + "/units/" + unit,
                b + "/units", b + "/units/" + unit + "/years/" + year, b + "/settings", b + "/years/" + year + "/three-public",
                b + "/years/" + year + "/transfers", b + "/years/" + year + "/debt", b + "/approved-goals",
                b + "/result-applications", e + "/goals/" + goal, e + "/goals/" + goal + "/monitoring", e + "/settings",
                e + "/settings/versions", e + "/years/" + year + "/key-monitoring-candidates",
                e + "/budget/projects/" + project, "/api/reports/districts/" + d + "/years/" + year,
                "/api/reports/districts/" + d + "/years/" + year + "/projects/" + project,
                "/api/reports/districts/" + d + "/years/" + year + "/budget-summary",
                "/api/disclosure/districts/" + d + "/years/" + year + "/findings",
                "/api/disclosure/districts/" + d + "/years/" + year + "/findings/rules",
                "/api/disclosure/districts/" + d + "/years/" + year + "/units/" + unit + "/packages",
                "/api/budget/admin/dead-letters", "/api/evaluation/admin/dead-letters", "/api/disclosure/admin/dead-letters");
    }

    // ------------------------------------------------------------------------------------ generation

    /** {@code count} bad requests, the categories in turn, reproducible for a seed. */
    public List<BadRequest> generate(int count, long seed) {
        Random r = new Random(seed);
        Category[] categories = Category.values();
        List<BadRequest> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Category c = categories[i % categories.length];
            out.add(one(c, r, i));
        }
        return out;
    }

    private BadRequest one(Category c, Random r, int n) {
        if (r.nextInt(12) == 0 && IMPORT_CATEGORIES.contains(c)) {
            return bulkImport(c, r, n);
        }
        return switch (c) {
            case BROKEN_JSON -> brokenJson(r);
            case WRONG_TYPES -> mutate(c, r, n, List.of(FieldKind.values()), this::wrongType);
            case HUGE_NUMBERS -> mutate(c, r, n, List.of(FieldKind.AMOUNT_POSITIVE, FieldKind.AMOUNT_NON_NEGATIVE, FieldKind.AMOUNT_SIGNED,
                    FieldKind.YEAR, FieldKind.POSITIVE_INT, FieldKind.INT_LIST), this::huge);
            case TOO_MANY_DECIMALS -> mutate(c, r, n, List.of(FieldKind.AMOUNT_POSITIVE, FieldKind.AMOUNT_NON_NEGATIVE, FieldKind.AMOUNT_SIGNED),
                    this::decimals);
            case NEGATIVE_AMOUNTS -> mutate(c, r, n, List.of(FieldKind.AMOUNT_POSITIVE, FieldKind.AMOUNT_NON_NEGATIVE, FieldKind.POSITIVE_INT, FieldKind.YEAR),
                    this::negative);
            case UNKNOWN_IDS -> unknownId(r, n);
            case OVERSIZED -> oversized(r, n);
            case UNICODE -> unicode(r, n);
            case INJECTION -> injection(r, n);
            case PATH_TRICKS -> pathTrick(r);
            case HEADERS -> headers(r, n);
            case QUERY -> query(r);
        };
    }

    private static final List<Category> IMPORT_CATEGORIES = List.of(Category.BROKEN_JSON, Category.WRONG_TYPES,
            Category.HUGE_NUMBERS, Category.TOO_MANY_DECIMALS, Category.NEGATIVE_AMOUNTS, Category.UNKNOWN_IDS,
            Category.UNICODE, Category.INJECTION);

    /**
     * A bulk import (JSON lines or CSV) whose every line must be refused: the import answers 200 with a result per
     * line, so the judgement is "nothing applied"; a file it cannot read at all is a 400.
     */
    private BadRequest bulkImport(Category c, Random r, int n) {
        String amount = switch (c) {
            case HUGE_NUMBERS -> List.of("1e400", "1E+2147483647", "123456789012345678901234567890").get(r.nextInt(3));
            case TOO_MANY_DECIMALS -> List.of("0.001", "12.345", "1.0000001").get(r.nextInt(3));
            case NEGATIVE_AMOUNTS -> List.of("-1", "-0.01", "0").get(r.nextInt(3));
            case WRONG_TYPES -> List.of("abc", "true", "12,34", "NaN").get(r.nextInt(4));
            default -> "1.00";
        };
        String projectId = switch (c) {
            case UNKNOWN_IDS -> "fs-nope-" + n;
            case UNICODE -> List.of("fs-p0\u202e", "fs-p0\ud800", "\uff46\uff53-p0", "fs-p0\u0000").get(r.nextInt(4));
            case INJECTION -> "fs-p0'; DROP TABLE domainevententry;--";
            default -> project;
        };
        List<String> lines = new ArrayList<>();
        int count = 1 + r.nextInt(5);
        for (int i = 0; i < count; i++) {
            String line = "{\"lineId\":\"fs-bad-import-" + n + "-" + i + "\",\"op\":\"spend\",\"district\":\"" + d
                    + "\",\"projectId\":\"" + jsonEscape(projectId) + "\",\"amount\":\"" + amount
                    + "\",\"date\":\"2026-03-01\"}";
            if (c == Category.BROKEN_JSON) {
                line = List.of(line.substring(0, line.length() / 2), line.replace("\"", "'"), line + "}", "[1,2]",
                        "{\"op\":\"spend\"}").get(r.nextInt(5));
            }
            lines.add(line);
        }
        boolean csv = c != Category.BROKEN_JSON && r.nextInt(3) == 0;
        String body;
        String type;
        if (csv) {
            StringBuilder text = new StringBuilder("lineId,op,district,projectId,amount,date\n");
            for (int i = 0; i < count; i++) {
                text.append("fs-bad-csv-").append(n).append('-').append(i).append(",spend,").append(d).append(',')
                        .append(projectId).append(',')
                        .append(amount.contains(",") ? "\"" + amount + "\"" : amount).append(",2026-03-01\n");
            }
            body = text.toString();
            type = "text/csv";
        } else {
            body = String.join("\n", lines) + "\n";
            type = "application/x-ndjson";
        }
        return new BadRequest(c, "budget import", "POST", "/api/budget/imports", body.getBytes(StandardCharsets.UTF_8),
                type, Map.of(), false, (csv ? "CSV" : "JSON lines") + " import of " + count + " line(s): projectId "
                + escape(projectId) + ", amount " + amount);
    }

    private interface Mutation {
        /** A value that must be refused for a field of this kind, or null if it has none for the kind. */
        JsonNode value(Field field, Random r);
    }

    private BadRequest mutate(Category c, Random r, int n, List<FieldKind> kinds, Mutation mutation) {
        for (int attempt = 0; attempt < 200; attempt++) {
            Endpoint e = endpoints.get(r.nextInt(endpoints.size()));
            List<Field> fields = e.fields().stream().filter(fl -> kinds.contains(fl.kind())).toList();
            if (fields.isEmpty()) {
                continue;
            }
            Field field = fields.get(r.nextInt(fields.size()));
            JsonNode value = mutation.value(field, r);
            if (value == null) {
                continue;
            }
            ObjectNode body = e.template();
            set(body, field.path(), value);
            String path = e.freshPath() != null ? e.freshPath().replace("{n}", Integer.toString(n)) : e.path();
            return json(c, e.family(), e.method(), path, body, field.path() + " = " + abbreviate(value.toString()));
        }
        throw new IllegalStateException("no field for " + c);
    }

    private JsonNode wrongType(Field field, Random r) {
        List<JsonNode> values = new ArrayList<>(List.of(NODES.objectNode().put("x", 1)));
        if (field.kind() != FieldKind.INT_LIST && field.kind() != FieldKind.TEXT_LIST && field.kind() != FieldKind.DATE) {
            values.add(NODES.arrayNode().add(NODES.objectNode()));
        }
        switch (field.kind()) {
            case AMOUNT_POSITIVE, AMOUNT_NON_NEGATIVE, AMOUNT_SIGNED -> values.addAll(List.of(NODES.booleanNode(true),
                    NODES.textNode("abc"), NODES.textNode("12,34"), NODES.textNode("1e"), NODES.textNode("NaN"),
                    NODES.textNode("Infinity"), NODES.textNode("0x10"), NODES.textNode("¥100"), NODES.textNode("--1"),
                    NODES.textNode("1.2.3"), NODES.textNode("100元")));
            case CHOICE -> values.addAll(List.of(NODES.textNode("NOT_A_VALUE"), NODES.booleanNode(false),
                    NODES.textNode("MID YEAR")));
            case TEXT, ID, TEXT_LIST -> values.add(NODES.objectNode());
            case YEAR -> values.addAll(List.of(NODES.textNode("abc"), NODES.booleanNode(true), numberLiteral("2026.5"),
                    NODES.textNode("二〇二六")));
            case POSITIVE_INT -> values.addAll(List.of(NODES.textNode("abc"), numberLiteral("2.5"), NODES.textNode("十")));
            case BOOLEAN -> values.addAll(List.of(NODES.textNode("maybe"), NODES.textNode("yes please")));
            case DATE -> values.addAll(List.of(NODES.textNode("yesterday"), NODES.textNode("2026-02-30"),
                    NODES.textNode("2026-13-01"), NODES.textNode("01/02/2026"), NODES.textNode("2026-1-1"),
                    NODES.booleanNode(true)));
            case INT_LIST -> values.addAll(List.of(NODES.textNode("5"), NODES.arrayNode().add("x"),
                    NODES.arrayNode().add(NODES.objectNode())));
        }
        if (field.kind() == FieldKind.TEXT_LIST) {
            values.addAll(List.of(NODES.textNode("one reason"), NODES.arrayNode().add(NODES.objectNode()),
                    NODES.arrayNode()));
        }
        if (field.required()) {
            values.add(NODES.nullNode());
        }
        return values.get(r.nextInt(values.size()));
    }

    private JsonNode huge(Field field, Random r) {
        List<JsonNode> values = switch (field.kind()) {
            case AMOUNT_POSITIVE, AMOUNT_NON_NEGATIVE, AMOUNT_SIGNED -> List.of(numberLiteral("1e400"), NODES.textNode("1e400"),
                    numberLiteral("123456789012345678901234567890"), numberLiteral("-1e309"),
                    NODES.textNode("10000000000000.00"), numberLiteral("9223372036854775808"),
                    numberLiteral("1" + "0".repeat(200)), NODES.textNode("9".repeat(5000)), numberLiteral("1e-400"),
                    NODES.textNode("1E+2147483647"));
            case YEAR, POSITIVE_INT -> List.of(numberLiteral("2147483648"), numberLiteral("99999999999"),
                    numberLiteral("-2147483649"), numberLiteral("1e3"), numberLiteral("9".repeat(400)));
            case INT_LIST -> List.of(NODES.arrayNode().add(numberLiteral("2147483648")),
                    NODES.arrayNode().add(numberLiteral("1e400")));
            default -> null;
        };
        return values == null ? null : values.get(r.nextInt(values.size()));
    }

    private JsonNode decimals(Field field, Random r) {
        List<JsonNode> values = List.of(NODES.textNode("0.001"), numberLiteral("1.005"), NODES.textNode("12.345"),
                numberLiteral("0.0001"), NODES.textNode("100.1234567"), numberLiteral("1.0000000000000000001"),
                NODES.textNode("-3.141"));
        JsonNode v = values.get(r.nextInt(values.size()));
        return field.kind() != FieldKind.AMOUNT_SIGNED && v.asText().startsWith("-") ? NODES.textNode("3.141") : v;
    }

    private JsonNode negative(Field field, Random r) {
        List<JsonNode> values = switch (field.kind()) {
            case AMOUNT_POSITIVE -> List.of(numberLiteral("-1"), NODES.textNode("-0.01"), NODES.textNode("-100.50"),
                    numberLiteral("0"), NODES.textNode("0.00"), numberLiteral("-0.00"));
            case AMOUNT_NON_NEGATIVE -> List.of(numberLiteral("-1"), NODES.textNode("-0.01"), NODES.textNode("-100.50"));
            case POSITIVE_INT -> List.of(numberLiteral("-1"), numberLiteral("-100"));
            case YEAR -> List.of(numberLiteral("-2026"), numberLiteral("1999"), numberLiteral("2101"), numberLiteral("0"));
            default -> null;
        };
        return values == null ? null : values.get(r.nextInt(values.size()));
    }

    private BadRequest brokenJson(Random r) {
        List<Endpoint> withBody = endpoints;
        Endpoint e = withBody.get(r.nextInt(withBody.size()));
        String valid = e.body();
        List<String> texts = new ArrayList<>(List.of("", "{", "}", "[", "{\"amount\":", "null", "[]", "123", "\"text\"",
                "{'amount':'1.00'}", "{\"amount\":\"1.00\",}", valid + "}", valid + valid, "{amount:1}",
                "{\"amount\":NaN}", "{/* comment */\"amount\":\"1.00\"}", valid.replace("\"", "'"),
                valid.replaceFirst(":", ""), valid.replace("{", "{{"), "{\"a\":" + "[".repeat(3000) + "]".repeat(3000) + "}",
                "{\"amount\":" + "1".repeat(2000) + "}", "\u0000", "{\"amount\":\"1.00\"\u0000}"));
        if (e.fields().stream().noneMatch(Field::required)) {
            texts.remove("null");   // an optional body may be absent or null: those requests are valid
            texts.remove("");
        }
        int cut = 1 + r.nextInt(Math.max(1, valid.length() - 1));
        texts.add(valid.substring(0, Math.min(cut, valid.length() - 1)));
        int pick = r.nextInt(texts.size() + 2);
        byte[] body;
        String what;
        if (pick == texts.size()) {
            body = concat(valid.substring(0, valid.length() / 2).getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3,
                    (byte) 0x28, (byte) 0xFF}, valid.substring(valid.length() / 2).getBytes(StandardCharsets.UTF_8));
            what = "invalid UTF-8 bytes inside the body";
        } else if (pick == texts.size() + 1) {
            byte[] utf8 = valid.replace("\"", "'").getBytes(StandardCharsets.UTF_8);
            body = java.util.Arrays.copyOf(utf8, utf8.length - 1);
            what = "single quotes, truncated";
        } else {
            String text = texts.get(pick);
            body = text.getBytes(StandardCharsets.UTF_8);
            what = "body " + abbreviate(text);
        }
        return new BadRequest(Category.BROKEN_JSON, e.family(), e.method(), e.path(), body, "application/json", Map.of(),
                false, what);
    }

    private BadRequest unknownId(Random r, int n) {
        String b = "/api/budget/districts/" + d;
        String e = "/api/evaluation/districts/" + d;
        String nope = "fs-nope-" + n;
        String money = "{\"amount\":\"1.00\",\"source\":\"一般公共预算\",\"basis\":\"MID_YEAR\",\"reason\":\"x\",\"fromYear\":2025}";
        List<String[]> options = List.of(
                new String[] {"POST", b + "/projects/" + nope + "/appropriations", money},
                new String[] {"POST", b + "/projects/" + nope + "/adjustments", money},
                new String[] {"POST", b + "/projects/" + nope + "/carry-overs", money},
                new String[] {"POST", b + "/projects/" + nope + "/expenditures", "{\"amount\":\"1.00\"}"},
                new String[] {"GET", b + "/projects/" + nope, null},
                new String[] {"GET", b + "/projects/" + nope + "/history", null},
                new String[] {"GET", b + "/units/" + nope, null},
                new String[] {"GET", b + "/units/" + nope + "/years/" + year, null},
                new String[] {"POST", b + "/units/" + nope + "/years/" + year + "/basic-budget", "{\"amount\":\"1.00\"}"},
                new String[] {"POST", b + "/units/" + nope + "/years/" + year + "/basic-expenditures",
                        "{\"class\":\"PUBLIC\",\"amount\":\"1.00\"}"},
                new String[] {"PUT", b + "/projects/" + nope, "{\"unitId\":\"" + nope + "\",\"name\":\"x\",\"category\":"
                        + "\"专项资金\",\"fiscalYear\":" + year + "}"},
                new String[] {"POST", b + "/years/" + year + "/three-public/budgets", "{\"unitId\":\"" + nope
                        + "\",\"category\":\"公务接待\",\"amount\":\"1.00\"}"},
                new String[] {"POST", b + "/years/" + year + "/three-public/expenditures", "{\"unitId\":\"" + nope
                        + "\",\"category\":\"公务接待\",\"amount\":\"1.00\"}"},
                new String[] {"GET", e + "/goals/" + nope, null},
                new String[] {"POST", e + "/goals/" + nope + "/approval", "{}"},
                new String[] {"POST", e + "/goals/" + nope + "/return", "{\"reasons\":[\"x\"]}"},
                new String[] {"POST", e + "/goals/" + nope + "/monitoring", "{\"period\":{\"from\":\"2026-01-01\","
                        + "\"to\":\"2026-06-30\"},\"mode\":\"SELF\"}"},
                new String[] {"GET", e + "/evaluations/" + nope, null},
                new String[] {"PUT", e + "/evaluations/" + nope + "/self", "{\"goalId\":\"" + nope + "\",\"year\":" + year
                        + ",\"budget\":{\"initial\":\"1.00\",\"fullYear\":\"1.00\",\"executed\":\"1.00\"},\"actuals\":[]}"},
                new String[] {"POST", e + "/evaluations/" + nope + "/key/completion", "{\"score\":\"80\"}"},
                new String[] {"POST", e + "/evaluations/" + nope + "/application", "{}"},
                new String[] {"GET", e + "/settings/versions/99999", null},
                new String[] {"GET", "/api/reports/districts/" + d + "/years/" + year + "/projects/" + nope, null},
                new String[] {"GET", "/api/disclosure/districts/" + d + "/years/" + year + "/units/" + unit + "/packages/"
                        + nope, null},
                new String[] {"POST", "/api/disclosure/districts/" + d + "/years/" + year + "/units/" + unit + "/packages/"
                        + nope + "/retraction", "{\"reason\":\"x\"}"},
                new String[] {"POST", "/api/budget/admin/dead-letters/" + (900_000 + n) + "/retry", null},
                new String[] {"POST", "/api/disclosure/admin/dead-letters/" + (900_000 + n) + "/retry", null},
                new String[] {"POST", "/api/evaluation/admin/dead-letters/" + (900_000 + n) + "/retry", null},
                new String[] {"GET", "/api/nothing-here/districts/" + d, null},
                new String[] {"GET", b + "/no-such-resource", null});
        String[] o = options.get(r.nextInt(options.size()));
        return new BadRequest(Category.UNKNOWN_IDS, family(o[1]), o[0], o[1],
                o[2] == null ? null : o[2].getBytes(StandardCharsets.UTF_8), "application/json", Map.of(), false,
                "unknown id " + nope);
    }

    private BadRequest oversized(Random r, int n) {
        Endpoint e = endpoints.get(r.nextInt(endpoints.size()));
        int pick = r.nextInt(6);
        switch (pick) {
            case 0, 1 -> {
                // above the gateway's 5 MB limit, declared (Content-Length) or streamed (chunked)
                byte[] big = bigBody();
                Map<String, String> h = pick == 1 ? Map.of("Transfer-Encoding", "chunked") : Map.of();
                return new BadRequest(Category.OVERSIZED, e.family(), e.method(), e.path(), big, "application/json", h,
                        true, (pick == 1 ? "chunked " : "") + (big.length / 1_000_000) + " MB body");
            }
            case 2 -> {
                Field text = e.fields().stream().filter(fl -> fl.kind() == FieldKind.TEXT && fl.maxLength() > 0).findFirst()
                        .orElse(null);
                if (text == null) {
                    return oversized(r, n);
                }
                // the limit is in characters: one more than allowed (of a character outside the BMP half the time)
                ObjectNode body = e.template();
                set(body, text.path(), NODES.textNode("长".repeat(text.maxLength() + 1 + r.nextInt(3))));
                return json(Category.OVERSIZED, e.family(), e.method(), e.freshPath() != null
                        ? e.freshPath().replace("{n}", Integer.toString(n)) : e.path(), body,
                        text.path() + " one character over its limit of " + text.maxLength());
            }
            case 3 -> {
                String firstText = e.fields().stream().filter(fl -> fl.kind() == FieldKind.TEXT && fl.maxLength() > 0)
                        .map(Field::path).findFirst().orElse(null);
                if (firstText == null) {
                    return oversized(r, n);
                }
                byte[] body = cached.computeIfAbsent("mb:" + e.family(), k -> {
                    ObjectNode b = e.template();
                    set(b, firstText, NODES.textNode("x".repeat(1_000_000)));
                    return bytes(b);
                });
                return new BadRequest(Category.OVERSIZED, e.family(), e.method(), e.freshPath() != null
                        ? e.freshPath().replace("{n}", Integer.toString(n)) : e.path(), body, "application/json", Map.of(),
                        false, firstText + " of 1 MB");
            }
            case 4 -> {
                Field first = e.fields().get(0);
                byte[] body = cached.computeIfAbsent("fields:" + e.family(), k -> {
                    ObjectNode b = e.template();
                    set(b, first.path(), first.kind() == FieldKind.BOOLEAN ? NODES.textNode("x")
                            : NODES.objectNode().put("nested", true));
                    ObjectNode padding = b.putObject("padding");
                    for (int i = 0; i < 50_000; i++) {
                        padding.put("k" + i, i);
                    }
                    return bytes(b);
                });
                return new BadRequest(Category.OVERSIZED, e.family(), e.method(), e.path(), body, "application/json",
                        Map.of(), false, "50,000 unknown fields and " + first.path() + " wrong");
            }
            default -> {
                ObjectNode body = e.template();
                return new BadRequest(Category.OVERSIZED, e.family(), e.method(), e.path(), bytes(body),
                        "application/json", Map.of("X-Padding", "p".repeat(40_000)), true, "a 40 KB header");
            }
        }
    }

    /** Not text: NUL and other control characters (tab and line breaks are text), lone surrogates (not Unicode). */
    private static final List<String> BAD_TEXT = List.of("\u0000", "a\u0000b", "\u0007bell", "esc\u001b[31mred",
            "\ud800", "x\udc00y", "\udbff", "lone\ud83d", "del\u007f", "\u0008back");
    private static final List<String> BAD_IDS = List.of("fs-p0\uD83D\uDE42", "fs\u202Ep0", "fs\u200Bp0", "ｆｓ-p0",
            "fs-p0\u0000", "\u202E", "fs-p0\ud800", "项目一", "fs p0");

    private BadRequest unicode(Random r, int n) {
        int pick = r.nextInt(6);
        List<Endpoint> withText = endpoints.stream().filter(e -> e.fields().stream().anyMatch(fl -> fl.kind() == FieldKind.TEXT))
                .toList();
        if (pick <= 1) {
            // invalid characters in a text field of an otherwise valid body (fresh ids where that would create)
            Endpoint e = withText.get(r.nextInt(withText.size()));
            List<Field> texts = e.fields().stream().filter(fl -> fl.kind() == FieldKind.TEXT).toList();
            Field field = texts.get(r.nextInt(texts.size()));
            String text = "名称" + BAD_TEXT.get(r.nextInt(BAD_TEXT.size()));
            ObjectNode body = e.template();
            set(body, field.path(), NODES.textNode(text));
            return json(Category.UNICODE, e.family(), e.method(), e.freshPath() != null
                    ? e.freshPath().replace("{n}", Integer.toString(n)) : e.path(), body,
                    field.path() + " = " + escape(text));
        }
        if (pick == 2) {
            // RTL marks and emoji (legal in names) with another field wrong: the refusal must render them
            Endpoint e = withText.get(r.nextInt(withText.size()));
            ObjectNode body = e.template();
            Field text = e.fields().stream().filter(fl -> fl.kind() == FieldKind.TEXT).findFirst().orElseThrow();
            set(body, text.path(), NODES.textNode("\u202E项目\uD83D\uDCB0\u200F名称\u200D\uD83D\uDC69\u200D\uD83D\uDCBB"));
            Field other = e.fields().stream().filter(fl -> fl.kind() != FieldKind.TEXT).findFirst().orElse(null);
            if (other == null) {
                set(body, text.path(), NODES.textNode("\u202E\u0000"));
            } else {
                set(body, other.path(), wrongType(other, r));
            }
            return json(Category.UNICODE, e.family(), e.method(), e.freshPath() != null
                    ? e.freshPath().replace("{n}", Integer.toString(n)) : e.path(), body,
                    "RTL/emoji text and " + (other == null ? "NUL" : other.path() + " wrong"));
        }
        if (pick == 3) {
            // odd ids in the path (encoded) and in body id fields
            String id = BAD_IDS.get(r.nextInt(BAD_IDS.size()));
            String path = "/api/budget/districts/" + d + "/projects/" + encode(id) + "/expenditures";
            return new BadRequest(Category.UNICODE, "budget expenditure", "POST", path,
                    "{\"amount\":\"1.00\"}".getBytes(StandardCharsets.UTF_8), "application/json", Map.of(), false,
                    "project id " + escape(id));
        }
        if (pick == 4) {
            String district = List.of("４３０２０２", "430２02", "43020\u0662", "\u202E430202", "430202\u200B")
                    .get(r.nextInt(5));
            return new BadRequest(Category.UNICODE, "budget expenditure", "POST", "/api/budget/districts/"
                    + encode(district) + "/projects/" + project + "/expenditures",
                    "{\"amount\":\"1.00\"}".getBytes(StandardCharsets.UTF_8), "application/json", Map.of(), false,
                    "district " + escape(district));
        }
        // fullwidth or Arabic-Indic digits in an amount, RTL in an enum
        List<String> amounts = List.of("１００.００", "\u0661\u0660\u0660", "1\u202E00", "１.5", "100\u00A0");
        Endpoint e = endpoints.stream().filter(x -> x.family().equals("budget expenditure")).findFirst().orElseThrow();
        ObjectNode body = e.template();
        String value = amounts.get(r.nextInt(amounts.size()));
        if (r.nextBoolean()) {
            body.put("amount", value);
            return json(Category.UNICODE, e.family(), e.method(), e.path(), body, "amount " + escape(value));
        }
        Endpoint a = endpoints.stream().filter(x -> x.family().equals("budget appropriation")).findFirst().orElseThrow();
        ObjectNode ab = a.template();
        ab.put("source", "一般公共预算\u202E");
        return json(Category.UNICODE, a.family(), a.method(), a.path(), ab, "source with an RTL mark");
    }

    private static final List<String> HOSTILE = List.of("'; DROP TABLE domainevententry; --", "1 OR 1=1",
            "\" OR \"\"=\"", "<script>alert(1)</script>", "${jndi:ldap://127.0.0.1/x}", "{{7*7}}", "../../etc/passwd",
            "%s%s%s%n", "$(rm -rf /)", "' UNION SELECT password FROM pg_authid --", "<img src=x onerror=alert(1)>",
            "#{7*7}", "\\u0000", "javascript:alert(1)");

    private BadRequest injection(Random r, int n) {
        String hostile = HOSTILE.get(r.nextInt(HOSTILE.size()));
        int pick = r.nextInt(4);
        if (pick == 0) {
            // in an id of the path
            List<String> templates = List.of("/api/budget/districts/" + d + "/projects/%s/expenditures",
                    "/api/budget/districts/" + d + "/projects/%s", "/api/evaluation/districts/" + d + "/goals/%s",
                    "/api/reports/districts/" + d + "/years/" + year + "/projects/%s",
                    "/api/budget/districts/%s/projects/" + project);
            String path = String.format(templates.get(r.nextInt(templates.size())), encode(hostile));
            boolean post = path.endsWith("/expenditures");
            return new BadRequest(Category.INJECTION, family(path), post ? "POST" : "GET", path,
                    post ? "{\"amount\":\"1.00\"}".getBytes(StandardCharsets.UTF_8) : null, "application/json", Map.of(),
                    false, "path id " + hostile);
        }
        // in a field that must be refused (id, enum, date, amount), or in text with another field wrong
        Endpoint e = endpoints.get(r.nextInt(endpoints.size()));
        List<Field> strict = e.fields().stream().filter(fl -> fl.kind() != FieldKind.TEXT && fl.kind() != FieldKind.BOOLEAN
                && fl.kind() != FieldKind.TEXT_LIST && fl.kind() != FieldKind.INT_LIST).toList();
        ObjectNode body = e.template();
        if (pick == 1 || strict.isEmpty()) {
            List<Field> texts = e.fields().stream().filter(fl -> fl.kind() == FieldKind.TEXT).toList();
            if (texts.isEmpty() || strict.isEmpty()) {
                return injection(r, n);
            }
            Field text = texts.get(r.nextInt(texts.size()));
            Field other = strict.get(r.nextInt(strict.size()));
            set(body, text.path(), NODES.textNode(hostile));
            set(body, other.path(), NODES.textNode(hostile));
            return json(Category.INJECTION, e.family(), e.method(), e.freshPath() != null
                    ? e.freshPath().replace("{n}", Integer.toString(n)) : e.path(), body,
                    text.path() + " and " + other.path() + " = " + hostile);
        }
        Field field = strict.get(r.nextInt(strict.size()));
        set(body, field.path(), NODES.textNode(field.kind() == FieldKind.ID ? "x" + hostile : hostile));
        return json(Category.INJECTION, e.family(), e.method(), e.freshPath() != null
                ? e.freshPath().replace("{n}", Integer.toString(n)) : e.path(), body, field.path() + " = " + hostile);
    }

    private BadRequest pathTrick(Random r) {
        String p = "/api/budget/districts/" + d + "/projects/" + project;
        String other = "/api/budget/districts/430511/projects/" + project;
        List<String> paths = List.of(p + "/../../430511/projects/" + project + "/expenditures",
                p + "/%2e%2e/fs-p1/expenditures", p + "/%2E%2E/%2E%2E/430511/projects/" + project + "/expenditures",
                "/api/budget/districts/" + d + "%2F..%2F430511/projects/" + project + "/expenditures",
                p + "/expenditures;jsessionid=1", p + ";x=1/expenditures", "/api/budget//districts/" + d + "/projects/"
                        + project + "/expenditures", p + "//expenditures", p + "/./expenditures", p + "/expenditures/",
                p + "/expenditures%00", p + "/expenditures%", p + "/%252e%252e/expenditures", p + "/%c0%ae%c0%ae/expenditures",
                p + "\\..\\fs-p1/expenditures", "/API/BUDGET/districts/" + d + "/projects/" + project + "/expenditures",
                "/api/budget/districts/" + d + "/projects/项目/expenditures", "/api/budget/districts/" + d
                        + "/projects/fs p0/expenditures", p + "/expenditures?%zz=1", p + "/expenditures#frag",
                "/api/%2e%2e/api/evaluation/districts/" + d + "/goals/" + goal, "/api/budget/../evaluation/districts/" + d,
                "/api/budget/districts/" + d + "/projects/" + project + "/expenditures/..;/..;/x",
                "/api/disclosure/admin/../../budget/districts/" + d, other + "/%2e%2e/%2e%2e/" + d + "/projects/"
                        + project + "/expenditures", "/%61pi/budget/districts/" + d + "/projects/" + project,
                "/api/budget/districts/" + d + "/projects/" + project + "%2Fexpenditures");
        String path = paths.get(r.nextInt(paths.size()));
        // a POST or PUT carries a body that must be refused anyway, and no read is asked for: even where the trick
        // is normalised away, the answer must be a 4xx; the trick is judged by the answer, not the data
        String method = List.of("POST", "POST", "PUT", "DELETE", "PATCH", "TRACE").get(r.nextInt(6));
        byte[] body = method.startsWith("P") ? "{\"amount\":\"0.001\"}".getBytes(StandardCharsets.UTF_8) : null;
        return new BadRequest(Category.PATH_TRICKS, "path", method, path, body, "application/json", Map.of(), true,
                method + " " + path);
    }

    private BadRequest headers(Random r, int n) {
        List<Endpoint> money = endpoints.stream().filter(x -> x.family().startsWith("budget") && x.method().equals("POST"))
                .toList();
        Endpoint e = money.get(r.nextInt(money.size()));
        byte[] valid = bytes(e.template());
        int pick = r.nextInt(11);
        Map<String, String> h = new LinkedHashMap<>();
        String contentType = "application/json";
        boolean raw = false;
        String what;
        switch (pick) {
            case 0 -> {
                String key = List.of("has space", "k".repeat(129), "semi;colon", "quote\"d", "slash/ed", "ключ", "")
                        .get(r.nextInt(7));
                h.put("Idempotency-Key", key);
                raw = !key.chars().allMatch(c -> c > 32 && c < 127);
                what = "Idempotency-Key " + escape(key);
            }
            case 1 -> {
                String v = List.of("abc", "\"x\"", "W/\"abc\"", "99999999999999999999", "\"1\", \"2\"", "1.5")
                        .get(r.nextInt(6));
                h.put("If-Match", v);
                what = "If-Match " + v;
            }
            case 2 -> {
                contentType = List.of("text/plain", "application/xml", "multipart/form-data; boundary=x",
                        "application/x-www-form-urlencoded", "application/octet-stream").get(r.nextInt(5));
                what = "Content-Type " + contentType;
            }
            case 3 -> {
                // (a declared utf-16 over UTF-8 bytes is fine: JSON has no charset parameter, RFC 8259)
                contentType = List.of("application/json; charset=bogus-1", "application/json; charset=\"x\"",
                        "application/json; charset=").get(r.nextInt(3));
                what = "Content-Type " + contentType;
            }
            case 4 -> {
                contentType = null;
                what = "no Content-Type";
            }
            case 5 -> {
                String accept = List.of("application/xml", "text/csv", "image/png").get(r.nextInt(3));
                h.put("Accept", accept);
                valid = "{\"amount\":\"0.001\"}".getBytes(StandardCharsets.UTF_8);
                what = "Accept " + accept + " (body refused too)";
            }
            case 6 -> {
                String auth = List.of("Bearer abc.def.ghi", "Basic YWRtaW46YWRtaW4=", "Bearer ", "bearer"
                        + " eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.").get(r.nextInt(4));
                h.put("Authorization", auth);
                raw = true;
                what = "Authorization " + auth;
            }
            case 7 -> {
                h.put("X-Jixiao-Districts", "*");
                h.put("X-Jixiao-Roles", "FINANCE");
                h.put("X-Jixiao-Gateway-Secret", "local-dev-secret");
                h.put("X-Jixiao-Actor", "admin");
                h.put("Authorization", "Bearer " + foreignToken);
                raw = true;
                what = "a token of another district with spoofed X-Jixiao-* headers";
            }
            case 8 -> {
                valid = "amount=1.00&date=2026-03-01".getBytes(StandardCharsets.UTF_8);
                what = "a form-encoded body declared as JSON";
            }
            case 9 -> {
                h.put("X-Correlation-Id", "<script>" + "x".repeat(200));
                valid = "{\"amount\":\"-5\"}".getBytes(StandardCharsets.UTF_8);
                what = "hostile X-Correlation-Id (and a negative amount)";
            }
            default -> {
                h.put("Content-Length", "5");
                raw = true;
                what = "Content-Length shorter than the body";
            }
        }
        return new BadRequest(Category.HEADERS, e.family(), e.method(), e.path(), valid, contentType, h, raw,
                what + " on a valid " + e.family());
    }

    private BadRequest query(Random r) {
        String b = "/api/budget/districts/" + d;
        String rep = "/api/reports/districts/" + d + "/years/" + year;
        List<String> paths = List.of(b + "/projects/" + project + "/history?asOf=yesterday",
                b + "/projects/" + project + "/history?asOf=2026-13-45", b + "/projects/" + project + "/history?asOf="
                        + encode("2026-01-01'; DROP TABLE x;--"), b + "/projects/" + project + "/history?on=abc",
                b + "/projects/" + project + "/history?asOf=%2B1000000000-01-01", b + "/projects/" + project
                        + "/history?asOf=" + "9".repeat(500), rep + "?format=odt", rep + "?format=csv&table=nope",
                rep + "?format=json&table=projects", rep + "?asOf=31/12/2026",
                "/api/reports/districts/" + d + "/years/abc", "/api/reports/districts/" + d + "/years/99999",
                "/api/reports/districts/" + d + "/years/2147483648", "/api/reports/districts/" + d + "/years/-1/budget-summary",
                "/api/disclosure/districts/" + d + "/years/" + year + "/findings?status=bogus",
                "/api/disclosure/districts/" + d + "/years/" + year + "/findings?unitId=" + encode("x y"),
                "/api/budget/admin/dead-letters?status=NOPE", "/api/disclosure/admin/dead-letters?status=" + encode("' OR 1=1"),
                b + "/units/" + unit + "/years/abc", b + "/units/" + unit + "/years/1999",
                b + "/years/99999/debt", b + "/years/2026.5/transfers", "/api/evaluation/districts/" + d
                        + "/settings/versions/abc", "/api/evaluation/districts/" + d + "/years/1850/key-monitoring-candidates",
                "/api/evaluation/districts/" + d + "/years/" + year + "/key-monitoring-candidates?asOf=nope",
                "/api/budget/admin/dead-letters/abc/retry", "/api/budget/admin/dead-letters/" + "9".repeat(30) + "/retry",
                b + "/projects/" + project + "/history?limit=0", b + "/projects/" + project + "/history?limit=5001",
                b + "/projects/" + project + "/history?after=x", "/api/disclosure/admin/dead-letters?limit=-1",
                rep + "/projects/" + project + "?limit=" + "9".repeat(12), b + "/units?after=" + encode("no such unit"));
        String path = paths.get(r.nextInt(paths.size()));
        boolean post = path.endsWith("/retry");
        return new BadRequest(Category.QUERY, family(path), post ? "POST" : "GET", path, null, null, Map.of(), false,
                path);
    }

    // ------------------------------------------------------------------------------------ running and judging

    /** Sends every request ({@code parallelism} at a time) and judges the answers; compares the event stores. */
    public Result run(List<BadRequest> requests, Http http, FaultStack stack, int parallelism, Log log) {
        Map<String, Long> before = eventCounts(stack);
        long start = System.nanoTime();
        Map<Category, long[]> byCategory = new EnumMap<>(Category.class);
        for (Category c : Category.values()) {
            byCategory.put(c, new long[COLUMNS.size()]);
        }
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        Map<String, AtomicLong> failureKinds = new ConcurrentHashMap<>();
        AtomicLong unknown = new AtomicLong();
        Map<String, String> tricks = new java.util.concurrent.ConcurrentSkipListMap<>();
        AtomicLong problem = new AtomicLong();
        AtomicLong perLine = new AtomicLong();
        AtomicLong server = new AtomicLong();
        AtomicLong notProblem = new AtomicLong();
        AtomicLong accepted = new AtomicLong();
        AtomicLong none = new AtomicLong();
        AtomicLong other = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(parallelism);
        List<Future<?>> futures = new ArrayList<>();
        for (BadRequest request : requests) {
            futures.add(pool.submit(() -> {
                Http.Answer a = request.raw()
                        ? http.raw(request.method(), request.path(), request.body(), request.contentType(),
                        request.headers())
                        : http.send(request.method(), request.path(), request.body(), request.contentType(), request.headers());
                statuses.merge(a.status(), 1L, Long::sum);
                if (request.category() == Category.PATH_TRICKS) {
                    tricks.putIfAbsent(request.path(), a.status() + (a.isProblem() ? " problem+json"
                            : a.body() == null || a.body().isBlank() ? " (empty body)" : " " + a.contentType()));
                }
                int column;
                String failure = null;
                if (a.status() == Http.NO_ANSWER) {
                    column = 5;
                    none.incrementAndGet();
                    failure = "no answer";
                } else if (a.status() >= 500) {
                    column = 2;
                    server.incrementAndGet();
                    failure = "5xx";
                } else if (a.status() >= 400) {
                    if (a.isProblem()) {
                        column = 1;
                        problem.incrementAndGet();
                    } else {
                        column = 3;
                        notProblem.incrementAndGet();
                        failure = "4xx not problem+json";
                    }
                } else if (a.ok() && isImport(request) && refusedEveryLine(a)) {
                    column = 1;
                    perLine.incrementAndGet();
                } else if (a.ok()) {
                    column = 4;
                    accepted.incrementAndGet();
                    failure = "accepted";
                } else {
                    column = 6;
                    other.incrementAndGet();
                    failure = "status " + a.status();
                }
                synchronized (byCategory) {
                    long[] row = byCategory.get(request.category());
                    row[0]++;
                    row[column]++;
                }
                if (failure != null) {
                    unknown.incrementAndGet();
                    String kind = failure + " · " + request.category() + " · " + request.family() + " · "
                            + request.description().replaceAll("\\d{3,}", "N");
                    if (failureKinds.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet() == 1
                            && failures.size() < 200) {
                        failures.add(failure + ": " + request.category() + " " + request.method() + " "
                                + abbreviate(request.path()) + " — " + abbreviate(escape(request.description())) + " → "
                                + a.brief());
                    }
                }
            }));
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (Exception e) {
                throw new IllegalStateException("a bad request could not be sent", e);
            }
        }
        pool.shutdown();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Map<String, Long> after = eventCounts(stack);
        List<String> withCounts = new ArrayList<>();
        synchronized (failures) {
            for (String fl : failures) {
                withCounts.add(fl);
            }
        }
        log.line("bad input: %d requests in %d s", requests.size(), took.toSeconds());
        return new Result(requests.size(), byCategory, problem.get(), perLine.get(), server.get(), notProblem.get(),
                accepted.get(), none.get(), other.get(), before, after, withCounts, unknown.get(),
                new java.util.TreeMap<>(statuses), tricks, took);
    }


    private static boolean isImport(BadRequest request) {
        return request.path().startsWith("/api/budget/imports");
    }

    private static boolean refusedEveryLine(Http.Answer a) {
        JsonNode body = a.json();
        return body != null && body.path("applied").asInt(-1) == 0 && body.path("alreadyApplied").asInt(-1) == 0;
    }

    /** Events in each service's event store. */
    static Map<String, Long> eventCounts(FaultStack stack) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String service : LocalStackProcesses.DOMAIN_SERVICES) {
            try (Connection c = stack.connect(service); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM domainevententry")) {
                rs.next();
                counts.put(service, rs.getLong(1));
            } catch (SQLException e) {
                throw new IllegalStateException("cannot count the events of " + service, e);
            }
        }
        return counts;
    }

    // ------------------------------------------------------------------------------------ helpers

    private static BadRequest json(Category c, String family, String method, String path, ObjectNode body, String what) {
        return new BadRequest(c, family, method, path, bytes(body), "application/json", Map.of(), false, what);
    }

    private static byte[] bytes(JsonNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets {@code a.b}, {@code a[0].b} or {@code a} in an object. */
    static void set(ObjectNode root, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            node = child(node, parts[i]);
        }
        String last = parts[parts.length - 1];
        if (last.endsWith("]")) {
            ArrayNode array = arrayNamedIn(node, last);
            int index = indexIn(last);
            while (array.size() <= index) {
                array.addNull();
            }
            array.set(index, value);
        } else {
            node.set(last, value);
        }
    }

    private static ObjectNode child(ObjectNode node, String part) {
        if (part.endsWith("]")) {
            ArrayNode array = arrayNamedIn(node, part);
            int index = indexIn(part);
            while (array.size() <= index) {
                array.addObject();
            }
            if (!array.get(index).isObject()) {
                array.set(index, NODES.objectNode());
            }
            return (ObjectNode) array.get(index);
        }
        if (!node.has(part) || !node.get(part).isObject()) {
            node.putObject(part);
        }
        return (ObjectNode) node.get(part);
    }

    /** The array {@code name} of a path part {@code name[i]} in {@code node}, created when it is missing. */
    private static ArrayNode arrayNamedIn(ObjectNode node, String part) {
        String name = part.substring(0, part.indexOf('['));
        return node.has(name) && node.get(name).isArray() ? (ArrayNode) node.get(name) : node.putArray(name);
    }

    /** The {@code i} of a path part {@code name[i]}. */
    private static int indexIn(String part) {
        return Integer.parseInt(part.substring(part.indexOf('[') + 1, part.length() - 1));
    }

    /** A number written exactly as given (not through double). */
    private static JsonNode numberLiteral(String literal) {
        return NODES.rawValueNode(new com.fasterxml.jackson.databind.util.RawValue(literal));
    }

    private static String family(String path) {
        String[] parts = path.split("/");
        return parts.length > 2 ? parts[2] + " " + (parts.length > 5 ? parts[5] : "") : path;
    }

    static String encode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.write(p, 0, p.length);
        }
        return out.toByteArray();
    }

    /** A JSON string body with everything outside printable ASCII as a \\u escape (so lone surrogates survive). */
    static String jsonEscape(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c >= 0x7f) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c < 0x20 || (c >= 0x7f && c < 0xa0) || Character.isSurrogate(c) || c == '\u202E' || c == '\u200B'
                    || c == '\u200F' || c == '\u200D') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static String abbreviate(String s) {
        return s.length() > 120 ? s.substring(0, 117) + "…(" + s.length() + " chars)" : s;
    }
}
