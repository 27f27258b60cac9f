package io.jixiao.budget.imports;

import io.jixiao.budget.debt.DebtCommands;
import io.jixiao.budget.debt.DebtRequests.BondRequest;
import io.jixiao.budget.debt.DebtRequests.InterestRequest;
import io.jixiao.budget.debt.DebtRequests.LimitRequest;
import io.jixiao.budget.debt.DebtRequests.OpeningBalanceRequest;
import io.jixiao.budget.debt.DebtRequests.PrincipalRequest;
import io.jixiao.budget.imports.LineFields.LineProblem;
import io.jixiao.support.context.CallerContext;
import io.jixiao.support.context.Who;
import io.jixiao.budget.project.ProjectCommands;
import io.jixiao.budget.project.ProjectRequests.AdjustmentRequest;
import io.jixiao.budget.project.ProjectRequests.AppropriationRequest;
import io.jixiao.budget.project.ProjectRequests.CarryOverRequest;
import io.jixiao.budget.project.ProjectRequests.ExpenditureRequest;
import io.jixiao.budget.project.ProjectRequests.RegisterProjectRequest;
import io.jixiao.budget.project.ProjectRequests.ReversalRequest;
import io.jixiao.budget.threepublic.ThreePublicCommands;
import io.jixiao.budget.threepublic.ThreePublicRequests.ThreePublicBudgetRequest;
import io.jixiao.budget.threepublic.ThreePublicRequests.ThreePublicSpendingRequest;
import io.jixiao.budget.transfer.TransferCommands;
import io.jixiao.budget.transfer.TransferController.TransferRequest;
import io.jixiao.budget.unit.UnitCommands;
import io.jixiao.budget.unit.UnitRequests.BasicAdjustmentRequest;
import io.jixiao.budget.unit.UnitRequests.BasicBudgetRequest;
import io.jixiao.budget.unit.UnitRequests.BasicExpenditureRequest;
import io.jixiao.budget.unit.UnitRequests.RegisterUnitRequest;
import io.jixiao.budget.unit.UnitRequests.Staffing;
import io.jixiao.events.Labelled;
import io.jixiao.events.budget.AdjustmentBasis;
import io.jixiao.events.budget.BasicExpenditureClass;
import io.jixiao.events.budget.BondKind;
import io.jixiao.events.budget.BudgetCommand;
import io.jixiao.events.budget.DebtType;
import io.jixiao.events.budget.FundSource;
import io.jixiao.events.budget.ProjectCategory;
import io.jixiao.events.budget.ThreePublicCategory;
import io.jixiao.events.budget.TransferKind;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The line schema of a bulk import: which {@code op}s exist, which fields each reads, and the command each
 * becomes. Every op builds the same request record its HTTP endpoint takes and validates it the same way, so a
 * line and the matching HTTP call record the same event. See README.md for the schema.
 */
final class ImportOps {
    static final Pattern LINE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    static final Pattern DISTRICT = Pattern.compile(io.jixiao.events.DistrictCode.PATTERN);
    static final Pattern ID = Pattern.compile(io.jixiao.events.ClientId.PATTERN);

    /**
     * Whether {@code text} matches {@code [A-Za-z0-9<extra>]{1,max}} ({@link #LINE_ID} with 128 and {@code ._:-},
     * {@link #ID} with 64 and {@code ._-}), checked char by char: the regex took 5% of budget-service's CPU while a
     * district was imported, as every line carries several ids.
     */
    static boolean plainId(String text, int max, String extra) {
        if (text.isEmpty() || text.length() > max) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || extra.indexOf(c) >= 0)) {
                return false;
            }
        }
        return true;
    }

    /** The ops: the importable entries of {@link BudgetCommand}, in the order README.md lists them. */
    static final List<String> OPS = BudgetCommand.importable().stream().map(c -> c.op().orElseThrow()).toList();

    static final Set<String> FIELDS = Set.of("lineId", "op", "district", "projectId", "unitId", "fiscalYear", "year",
            "name", "category", "projectCount", "previousProjectId", "aggregate", "staffingAuthorized",
            "staffingActual", "amount", "source", "docNo", "date", "basis", "reason", "fromYear", "originalSequence",
            "class",
            "expenditureClass", "kind", "type", "bondId", "termYears", "purpose", "expectedVersion");

    /** A line ready to send: its target aggregate (lines of one target apply in file order) and its command. */
    record Job(ImportLine line, String lineId, String op, String districtCode, String target, Object command) {
        boolean registersUnit() {
            return op.equals("registerUnit");
        }
    }

    private final Validator validator;

    ImportOps(Validator validator) {
        this.validator = validator;
        bindLineBuilders();
    }

    /** The job for a line, or {@link LineProblem} saying why it is refused before anything is sent. */
    Job prepare(ImportLine line, Set<String> callerDistricts) {
        if (line.parseError() != null) {
            throw new LineProblem("MALFORMED_LINE", "line", line.parseError());
        }
        LineFields f = new LineFields(line);
        for (var field : line.fields().entrySet()) {
            if (!FIELDS.contains(field.getKey())) {
                throw new LineProblem("UNKNOWN_FIELD", field.getKey(), "is not a field of the import line schema");
            }
            String problem = LineFields.problemOf(field.getValue());
            if (problem != null) {
                throw new LineProblem(field.getKey(), problem);
            }
        }
        String lineId = f.required("lineId");
        if (!plainId(lineId, 128, "._:-")) {
            throw new LineProblem("lineId", "must match " + LINE_ID.pattern());
        }
        String op = f.required("op");
        if (!OPS.contains(op)) {
            throw new LineProblem("UNKNOWN_OP", "op", "'" + op + "' is not one of " + OPS);
        }
        String d = f.required("district");
        if (!DISTRICT.matcher(d).matches()) {
            throw new LineProblem("district", "must be a 6-digit district code");
        }
        if (!callerDistricts.contains("*") && !callerDistricts.contains(d)) {
            throw new LineProblem("DISTRICT_NOT_ALLOWED", "district", "the caller may not act in district " + d);
        }
        Long expected = f.integer("expectedVersion") == null ? null : f.integer("expectedVersion").longValue();
        try {
            return job(line, f, lineId, op, d, expected);
        } catch (ArithmeticException e) {
            // a backstop: LineFields.decimal keeps numbers in range and @Digits the rest, so converting the
            // amount to fen should not overflow; if it does, the line is refused, not the whole import
            throw new LineProblem("amount", "'" + line.get("amount") + "' cannot be held exactly in fen (out of "
                    + "range, or more decimals than the field allows)");
        }
    }

    /** A line's target aggregate and command, built from its fields (district and expectedVersion read). */
    private record Target(String target, Object command) {
    }

    @FunctionalInterface
    private interface LineBuilder {
        Target build(LineFields f, String districtCode, Long expectedVersion);
    }

    /** The line builder of every importable entry of {@link BudgetCommand}. */
    private final Map<BudgetCommand, LineBuilder> builders = new EnumMap<>(BudgetCommand.class);

    private void bindLineBuilders() {
        builders.put(BudgetCommand.REGISTER_UNIT, (f, d, expected) -> {
            String unitId = id(f, "unitId");
            Integer authorized = f.integer("staffingAuthorized");
            Integer actual = f.integer("staffingActual");
            RegisterUnitRequest r = valid(new RegisterUnitRequest(f.text("name"), f.bool("aggregate"),
                    authorized == null && actual == null ? null : new Staffing(authorized, actual)));
            return new Target(UnitCommands.unitKey(d, unitId), r.toCommand(d, unitId));
        });
        builders.put(BudgetCommand.REGISTER_PROJECT, (f, d, expected) -> {
            String projectId = id(f, "projectId");
            RegisterProjectRequest r = valid(new RegisterProjectRequest(f.text("unitId"), f.text("name"),
                    f.choice("category", Labelled.parser(ProjectCategory.class)), year(f), f.integer("projectCount"),
                    f.text("previousProjectId")));
            return new Target(ProjectCommands.projectKey(d, projectId), r.toCommand(d, projectId));
        });
        builders.put(BudgetCommand.APPROPRIATE, (f, d, expected) -> {
            String projectId = id(f, "projectId");
            AppropriationRequest r = valid(new AppropriationRequest(f.decimal("amount"),
                    f.choice("source", Labelled.parser(FundSource.class)), f.text("docNo"), f.date("date")));
            return new Target(ProjectCommands.projectKey(d, projectId),
                    r.toCommand(d, projectId, expected));
        });
        builders.put(BudgetCommand.ADJUST, (f, d, expected) -> {
            String projectId = id(f, "projectId");
            AdjustmentRequest r = valid(new AdjustmentRequest(f.decimal("amount"),
                    f.choice("basis", Labelled.parser(AdjustmentBasis.class)), f.text("reason"), f.text("docNo"), f.date("date")));
            return new Target(ProjectCommands.projectKey(d, projectId),
                    r.toCommand(d, projectId, expected));
        });
        builders.put(BudgetCommand.CARRY_OVER, (f, d, expected) -> {
            String projectId = id(f, "projectId");
            CarryOverRequest r = valid(new CarryOverRequest(f.decimal("amount"), f.integer("fromYear"),
                    f.date("date")));
            return new Target(ProjectCommands.projectKey(d, projectId),
                    r.toCommand(d, projectId, expected));
        });
        builders.put(BudgetCommand.SPEND, (f, d, expected) -> {
            String projectId = id(f, "projectId");
            ExpenditureRequest r = valid(new ExpenditureRequest(f.decimal("amount"), f.date("date")));
            return new Target(ProjectCommands.projectKey(d, projectId),
                    r.toCommand(d, projectId, expected));
        });
        builders.put(BudgetCommand.REVERSE, (f, d, expected) -> {
            if (!Who.FINANCE.allows(CallerContext.required(), d, null)) {
                throw new LineProblem("FINANCE_ONLY", "op", "only the finance bureau (role FINANCE) may reverse an "
                        + "entry (红字冲销)");
            }
            String projectId = id(f, "projectId");
            Integer original = f.integer("originalSequence");
            ReversalRequest r = valid(new ReversalRequest(original == null ? null : original.longValue(),
                    f.text("reason"), f.date("date")));
            return new Target(ProjectCommands.projectKey(d, projectId), r.toCommand(d, projectId, expected));
        });
        builders.put(BudgetCommand.BASIC_BUDGET, (f, d, expected) -> {
            String unitId = id(f, "unitId");
            int y = requiredYear(f);
            BasicBudgetRequest r = valid(new BasicBudgetRequest(f.decimal("amount"), f.text("docNo"),
                    f.date("date")));
            return new Target(UnitCommands.unitYearKey(d, unitId, y),
                    r.toCommand(d, unitId, y, expected));
        });
        builders.put(BudgetCommand.BASIC_ADJUST, (f, d, expected) -> {
            String unitId = id(f, "unitId");
            int y = requiredYear(f);
            BasicAdjustmentRequest r = valid(new BasicAdjustmentRequest(f.decimal("amount"),
                    f.choice("basis", Labelled.parser(AdjustmentBasis.class)), f.text("reason"), f.text("docNo"), f.date("date")));
            return new Target(UnitCommands.unitYearKey(d, unitId, y),
                    r.toCommand(d, unitId, y, expected));
        });
        builders.put(BudgetCommand.BASIC_SPEND, (f, d, expected) -> {
            String unitId = id(f, "unitId");
            int y = requiredYear(f);
            String cls = f.either("class", "expenditureClass");
            BasicExpenditureRequest r = valid(new BasicExpenditureRequest(
                    cls == null ? null : choice("class", cls, Labelled.parser(BasicExpenditureClass.class)), f.decimal("amount"),
                    f.date("date")));
            return new Target(UnitCommands.unitYearKey(d, unitId, y),
                    r.toCommand(d, unitId, y, expected));
        });
        builders.put(BudgetCommand.THREE_PUBLIC_BUDGET, (f, d, expected) -> {
            int y = requiredYear(f);
            ThreePublicBudgetRequest r = valid(new ThreePublicBudgetRequest(f.text("unitId"),
                    f.choice("category", Labelled.parser(ThreePublicCategory.class)), f.decimal("amount")));
            return new Target(ThreePublicCommands.key(d, r.unitId(), y),
                    r.toCommand(d, y, expected));
        });
        builders.put(BudgetCommand.THREE_PUBLIC_SPEND, (f, d, expected) -> {
            int y = requiredYear(f);
            ThreePublicSpendingRequest r = valid(new ThreePublicSpendingRequest(f.text("unitId"),
                    f.choice("category", Labelled.parser(ThreePublicCategory.class)), f.decimal("amount"), f.date("date")));
            return new Target(ThreePublicCommands.key(d, r.unitId(), y),
                    r.toCommand(d, y, expected));
        });
        builders.put(BudgetCommand.TRANSFER, perYear(TransferCommands::key, f -> new TransferRequest(
                f.choice("kind", Labelled.parser(TransferKind.class)), f.decimal("amount"), f.text("docNo"), f.date("date")),
                TransferRequest::toCommand));
        builders.put(BudgetCommand.DEBT_OPENING, perYear(DebtCommands::key, f -> new OpeningBalanceRequest(
                f.choice("type", Labelled.parser(DebtType.class)), f.decimal("amount")), OpeningBalanceRequest::toCommand));
        builders.put(BudgetCommand.DEBT_LIMIT, perYear(DebtCommands::key, f -> new LimitRequest(
                f.choice("type", Labelled.parser(DebtType.class)), f.decimal("amount")), LimitRequest::toCommand));
        builders.put(BudgetCommand.BOND, perYear(DebtCommands::key, f -> new BondRequest(f.text("bondId"),
                f.choice("type", Labelled.parser(DebtType.class)), f.choice("kind", Labelled.parser(BondKind.class)), f.decimal("amount"),
                f.integers("termYears"), f.text("purpose"), f.text("projectId"), f.date("date")),
                BondRequest::toCommand));
        builders.put(BudgetCommand.PRINCIPAL, perYear(DebtCommands::key, f -> new PrincipalRequest(
                f.choice("type", Labelled.parser(DebtType.class)), f.decimal("amount"), f.text("bondId"), f.date("date")),
                PrincipalRequest::toCommand));
        builders.put(BudgetCommand.INTEREST, perYear(DebtCommands::key, f -> new InterestRequest(
                f.choice("type", Labelled.parser(DebtType.class)), f.decimal("amount"), f.date("date")), InterestRequest::toCommand));
        for (BudgetCommand c : BudgetCommand.importable()) {
            if (!builders.containsKey(c)) {
                throw new IllegalStateException("the import has no line builder for op " + c.op().orElseThrow());
            }
        }
    }

    /** A command of a district-year aggregate: the request's own {@code toCommand(district, year, expectedVersion)}. */
    @FunctionalInterface
    private interface YearCommand<R> {
        Object of(R request, String districtCode, int year, Long expectedVersion);
    }

    /** A line of a district-year aggregate (transfers, debt): the year is required, the key is district and year. */
    private <R> LineBuilder perYear(BiFunction<String, Integer, String> key, Function<LineFields, R> read,
                                    YearCommand<R> command) {
        return (f, d, expected) -> {
            int y = requiredYear(f);
            R r = valid(read.apply(f));
            return new Target(key.apply(d, y), command.of(r, d, y, expected));
        };
    }

    /** The importable commands whose line builders exist (all of them: the constructor checks). */
    Set<BudgetCommand> bound() {
        return builders.keySet();
    }

    /** The job of a line whose lineId, op, district and expectedVersion are read. */
    private Job job(ImportLine line, LineFields f, String lineId, String op, String d, Long expected) {
        LineBuilder builder = BudgetCommand.byOp(op).map(builders::get)
                .orElseThrow(() -> new LineProblem("UNKNOWN_OP", "op", "'" + op + "' is not one of " + OPS));
        Target t = builder.build(f, d, expected);
        return new Job(line, lineId, op, d, t.target(), t.command());
    }

    private static <E> E choice(String field, String value, Function<String, E> parse) {
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            throw new LineProblem(field, e.getMessage());
        }
    }

    private static String id(LineFields f, String field) {
        String id = f.required(field);
        if (!plainId(id, 64, "._-")) {
            throw new LineProblem(field, "must match " + ID.pattern());
        }
        return id;
    }

    private static Integer year(LineFields f) {
        String text = f.either("fiscalYear", "year");
        return f.integerOf(f.text("fiscalYear") != null ? "fiscalYear" : "year", text);
    }

    private static int requiredYear(LineFields f) {
        Integer y = year(f);
        if (y == null) {
            throw new LineProblem("year", "is required");
        }
        if (y < 2000 || y > 2100) {
            throw new LineProblem("year", "must be between 2000 and 2100");
        }
        return y;
    }

    private <T> T valid(T request) {
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            ConstraintViolation<T> first = violations.stream()
                    .min(Comparator.comparing(v -> v.getPropertyPath().toString())).orElseThrow();
            String field = first.getPropertyPath().toString();
            String lineField = switch (field) {
                case "expenditureClass" -> "class";
                case "staffing.authorized" -> "staffingAuthorized";
                case "staffing.actual" -> "staffingActual";
                default -> field;
            };
            throw new LineProblem(lineField, first.getMessage());
        }
        return request;
    }
}
