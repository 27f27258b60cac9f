package io.jixiao.events.budget;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The one registry of budget-service's commands: for each, the bulk import's op name, the HTTP method and path
 * template of its endpoint, and the fields of its JSON body. budget-service binds every entry to its request record
 * and command (a test fails when a controller's PUT or POST has no entry, or an importable entry no line builder);
 * the fault suite builds its hostile requests from the same table. Adding a command starts here.
 *
 * <p>Path templates use the names of the controllers' path variables: {@code {districtCode}}, {@code {projectId}},
 * {@code {unitId}}, {@code {year}}.
 */
public enum BudgetCommand {
    SETTINGS(null, "PUT", "/api/budget/districts/{districtCode}/settings",
            f("goalBeforeBudget", FieldKind.BOOLEAN, true)),
    REGISTER_UNIT("registerUnit", "PUT", "/api/budget/districts/{districtCode}/units/{unitId}",
            f("name", FieldKind.TEXT, true, 200), f("aggregate", FieldKind.BOOLEAN, false),
            f("staffing.authorized", FieldKind.POSITIVE_INT, false), f("staffing.actual", FieldKind.POSITIVE_INT, false)),
    REGISTER_PROJECT("registerProject", "PUT", Paths.PROJECT,
            f("unitId", FieldKind.ID, true), f("name", FieldKind.TEXT, true, 200), f("category", FieldKind.CHOICE, true),
            f("fiscalYear", FieldKind.YEAR, true), f("projectCount", FieldKind.POSITIVE_INT, false),
            f("previousProjectId", FieldKind.ID, false)),
    APPROPRIATE("appropriate", "POST", Paths.PROJECT + "/appropriations",
            f("amount", FieldKind.AMOUNT_POSITIVE, true), f("source", FieldKind.CHOICE, true),
            f("docNo", FieldKind.TEXT, false, 100), f("date", FieldKind.DATE, false)),
    ADJUST("adjust", "POST", Paths.PROJECT + "/adjustments",
            f("amount", FieldKind.AMOUNT_SIGNED, true), f("basis", FieldKind.CHOICE, true),
            f("reason", FieldKind.TEXT, true, 500), f("docNo", FieldKind.TEXT, false, 100),
            f("date", FieldKind.DATE, false)),
    CARRY_OVER("carryOver", "POST", Paths.PROJECT + "/carry-overs",
            f("amount", FieldKind.AMOUNT_POSITIVE, true), f("fromYear", FieldKind.YEAR, true),
            f("date", FieldKind.DATE, false)),
    SPEND("spend", "POST", Paths.PROJECT + "/expenditures",
            f("amount", FieldKind.AMOUNT_POSITIVE, true), f("date", FieldKind.DATE, false)),
    REVERSE("reverse", "POST", Paths.PROJECT + "/reversals",
            f("originalSequence", FieldKind.POSITIVE_INT, true), f("reason", FieldKind.TEXT, true, 500),
            f("date", FieldKind.DATE, false)),
    BASIC_BUDGET("basicBudget", "POST", Paths.UNIT_YEAR + "/basic-budget",
            f("amount", FieldKind.AMOUNT_POSITIVE, true), f("docNo", FieldKind.TEXT, false, 100),
            f("date", FieldKind.DATE, false)),
    BASIC_ADJUST("basicAdjust", "POST", Paths.UNIT_YEAR + "/basic-adjustments",
            f("amount", FieldKind.AMOUNT_SIGNED, true), f("basis", FieldKind.CHOICE, true),
            f("reason", FieldKind.TEXT, true, 500)),
    BASIC_SPEND("basicSpend", "POST", Paths.UNIT_YEAR + "/basic-expenditures",
            f("class", FieldKind.CHOICE, true), f("amount", FieldKind.AMOUNT_POSITIVE, true),
            f("date", FieldKind.DATE, false)),
    THREE_PUBLIC_BUDGET("threePublicBudget", "POST", Paths.YEAR + "/three-public/budgets",
            f("unitId", FieldKind.ID, true), f("category", FieldKind.CHOICE, true),
            f("amount", FieldKind.AMOUNT_NON_NEGATIVE, true)),
    THREE_PUBLIC_SPEND("threePublicSpend", "POST", Paths.YEAR + "/three-public/expenditures",
            f("unitId", FieldKind.ID, true), f("category", FieldKind.CHOICE, true),
            f("amount", FieldKind.AMOUNT_NON_NEGATIVE, true), f("date", FieldKind.DATE, false)),
    TRANSFER("transfer", "POST", Paths.YEAR + "/transfers",
            f("kind", FieldKind.CHOICE, true), f("amount", FieldKind.AMOUNT_POSITIVE, true),
            f("docNo", FieldKind.TEXT, false, 100), f("date", FieldKind.DATE, false)),
    DEBT_OPENING("debtOpening", "POST", Paths.YEAR + "/debt/opening-balances",
            f("type", FieldKind.CHOICE, true), f("amount", FieldKind.AMOUNT_NON_NEGATIVE, true)),
    DEBT_LIMIT("debtLimit", "POST", Paths.YEAR + "/debt/limits",
            f("type", FieldKind.CHOICE, true), f("amount", FieldKind.AMOUNT_NON_NEGATIVE, true)),
    BOND("bond", "POST", Paths.YEAR + "/debt/bonds",
            f("bondId", FieldKind.ID, true), f("type", FieldKind.CHOICE, true), f("kind", FieldKind.CHOICE, true),
            f("amount", FieldKind.AMOUNT_POSITIVE, true), f("termYears", FieldKind.INT_LIST, false),
            f("purpose", FieldKind.TEXT, false, 500), f("projectId", FieldKind.ID, false),
            f("date", FieldKind.DATE, false)),
    PRINCIPAL("principal", "POST", Paths.YEAR + "/debt/principal-repayments",
            f("type", FieldKind.CHOICE, true), f("amount", FieldKind.AMOUNT_POSITIVE, true),
            f("bondId", FieldKind.ID, false), f("date", FieldKind.DATE, false)),
    INTEREST("interest", "POST", Paths.YEAR + "/debt/interest-payments",
            f("type", FieldKind.CHOICE, true), f("amount", FieldKind.AMOUNT_POSITIVE, true),
            f("date", FieldKind.DATE, false));

    /** How a body field must look (which wrong values a hostile client would try on it). */
    public enum FieldKind {
        AMOUNT_POSITIVE, AMOUNT_NON_NEGATIVE, AMOUNT_SIGNED, CHOICE, TEXT, ID, YEAR, POSITIVE_INT, BOOLEAN, DATE,
        INT_LIST, TEXT_LIST
    }

    /** A field of the JSON body, by its path ({@code staffing.actual}); {@code maxLength} 0 when unbounded. */
    public record Field(String path, FieldKind kind, boolean required, int maxLength) {
    }

    private static final class Paths {
        static final String DISTRICT = "/api/budget/districts/{districtCode}";
        static final String PROJECT = DISTRICT + "/projects/{projectId}";
        static final String UNIT_YEAR = DISTRICT + "/units/{unitId}/years/{year}";
        static final String YEAR = DISTRICT + "/years/{year}";
    }

    private final String op;
    private final String method;
    private final String path;
    private final List<Field> fields;

    BudgetCommand(String op, String method, String path, Field... fields) {
        this.op = op;
        this.method = method;
        this.path = path;
        this.fields = List.of(fields);
    }

    /** The bulk import's op name; empty when the command is not importable. */
    public Optional<String> op() {
        return Optional.ofNullable(op);
    }

    public String method() {
        return method;
    }

    /** The path template of the endpoint. */
    public String path() {
        return path;
    }

    public List<Field> fields() {
        return fields;
    }

    /** The path with its variables filled in from {@code values} (name → value). */
    public String path(java.util.Map<String, ?> values) {
        String p = path;
        for (var v : values.entrySet()) {
            p = p.replace("{" + v.getKey() + "}", String.valueOf(v.getValue()));
        }
        return p;
    }

    /** The importable commands, in the order the import's documentation lists their ops. */
    public static List<BudgetCommand> importable() {
        return Arrays.stream(values()).filter(c -> c.op != null).toList();
    }

    public static Optional<BudgetCommand> byOp(String op) {
        return Arrays.stream(values()).filter(c -> c.op != null && c.op.equals(op)).findFirst();
    }

    private static Field f(String path, FieldKind kind, boolean required) {
        return new Field(path, kind, required, 0);
    }

    private static Field f(String path, FieldKind kind, boolean required, int maxLength) {
        return new Field(path, kind, required, maxLength);
    }
}
