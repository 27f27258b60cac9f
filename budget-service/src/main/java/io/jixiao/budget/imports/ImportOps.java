package io.jixiao.budget.imports;

import io.jixiao.events.Labelled;
import io.jixiao.budget.debt.DebtCommands;
import io.jixiao.budget.debt.DebtRequests.BondRequest;
import io.jixiao.budget.debt.DebtRequests.InterestRequest;
import io.jixiao.budget.debt.DebtRequests.LimitRequest;
import io.jixiao.budget.debt.DebtRequests.OpeningBalanceRequest;
import io.jixiao.budget.debt.DebtRequests.PrincipalRequest;
import io.jixiao.budget.imports.LineFields.LineProblem;
import io.jixiao.budget.project.ProjectCommands;
import io.jixiao.budget.project.ProjectRequests.AdjustmentRequest;
import io.jixiao.budget.project.ProjectRequests.AppropriationRequest;
import io.jixiao.budget.project.ProjectRequests.CarryOverRequest;
import io.jixiao.budget.project.ProjectRequests.ExpenditureRequest;
import io.jixiao.budget.project.ProjectRequests.RegisterProjectRequest;
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
import io.jixiao.events.budget.AdjustmentBasis;
import io.jixiao.events.budget.BasicExpenditureClass;
import io.jixiao.events.budget.BondKind;
import io.jixiao.events.budget.DebtType;
import io.jixiao.events.budget.FundSource;
import io.jixiao.events.budget.ProjectCategory;
import io.jixiao.events.budget.ThreePublicCategory;
import io.jixiao.events.budget.TransferKind;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The line schema of a bulk import: which {@code op}s exist, which fields each reads, and the command each
 * becomes. Every op builds the same request record its HTTP endpoint takes and validates it the same way, so a
 * line and the matching HTTP call record the same event. See README.md for the schema.
 */
final class ImportOps {
    static final Pattern LINE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    static final Pattern DISTRICT = Pattern.compile(io.jixiao.events.DistrictCode.PATTERN);
    static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** The ops, in the order README.md lists them. */
    static final List<String> OPS = List.of("registerUnit", "registerProject", "appropriate", "adjust", "carryOver",
            "spend", "basicBudget", "basicAdjust", "basicSpend", "threePublicBudget", "threePublicSpend", "transfer",
            "debtOpening", "debtLimit", "bond", "principal", "interest");

    static final Set<String> FIELDS = Set.of("lineId", "op", "district", "projectId", "unitId", "fiscalYear", "year",
            "name", "category", "projectCount", "previousProjectId", "aggregate", "staffingAuthorized",
            "staffingActual", "amount", "source", "docNo", "date", "basis", "reason", "fromYear", "class",
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
        if (!LINE_ID.matcher(lineId).matches()) {
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

    /** The job of a line whose lineId, op, district and expectedVersion are read. */
    private Job job(ImportLine line, LineFields f, String lineId, String op, String d, Long expected) {
        return switch (op) {
            case "registerUnit" -> {
                String unitId = id(f, "unitId");
                Integer authorized = f.integer("staffingAuthorized");
                Integer actual = f.integer("staffingActual");
                RegisterUnitRequest r = valid(new RegisterUnitRequest(f.text("name"), f.bool("aggregate"),
                        authorized == null && actual == null ? null : new Staffing(authorized, actual)));
                yield new Job(line, lineId, op, d, UnitCommands.unitKey(d, unitId), r.toCommand(d, unitId));
            }
            case "registerProject" -> {
                String projectId = id(f, "projectId");
                RegisterProjectRequest r = valid(new RegisterProjectRequest(f.text("unitId"), f.text("name"),
                        f.choice("category", Labelled.parser(ProjectCategory.class)), year(f), f.integer("projectCount"),
                        f.text("previousProjectId")));
                yield new Job(line, lineId, op, d, ProjectCommands.projectKey(d, projectId), r.toCommand(d, projectId));
            }
            case "appropriate" -> {
                String projectId = id(f, "projectId");
                AppropriationRequest r = valid(new AppropriationRequest(f.decimal("amount"),
                        f.choice("source", Labelled.parser(FundSource.class)), f.text("docNo"), f.date("date")));
                yield new Job(line, lineId, op, d, ProjectCommands.projectKey(d, projectId),
                        r.toCommand(d, projectId, expected));
            }
            case "adjust" -> {
                String projectId = id(f, "projectId");
                AdjustmentRequest r = valid(new AdjustmentRequest(f.decimal("amount"),
                        f.choice("basis", Labelled.parser(AdjustmentBasis.class)), f.text("reason"), f.text("docNo"), f.date("date")));
                yield new Job(line, lineId, op, d, ProjectCommands.projectKey(d, projectId),
                        r.toCommand(d, projectId, expected));
            }
            case "carryOver" -> {
                String projectId = id(f, "projectId");
                CarryOverRequest r = valid(new CarryOverRequest(f.decimal("amount"), f.integer("fromYear"),
                        f.date("date")));
                yield new Job(line, lineId, op, d, ProjectCommands.projectKey(d, projectId),
                        r.toCommand(d, projectId, expected));
            }
            case "spend" -> {
                String projectId = id(f, "projectId");
                ExpenditureRequest r = valid(new ExpenditureRequest(f.decimal("amount"), f.date("date")));
                yield new Job(line, lineId, op, d, ProjectCommands.projectKey(d, projectId),
                        r.toCommand(d, projectId, expected));
            }
            case "basicBudget" -> {
                String unitId = id(f, "unitId");
                int y = requiredYear(f);
                BasicBudgetRequest r = valid(new BasicBudgetRequest(f.decimal("amount"), f.text("docNo"),
                        f.date("date")));
                yield new Job(line, lineId, op, d, UnitCommands.unitYearKey(d, unitId, y),
                        r.toCommand(d, unitId, y, expected));
            }
            case "basicAdjust" -> {
                String unitId = id(f, "unitId");
                int y = requiredYear(f);
                BasicAdjustmentRequest r = valid(new BasicAdjustmentRequest(f.decimal("amount"),
                        f.choice("basis", Labelled.parser(AdjustmentBasis.class)), f.text("reason"), f.text("docNo"), f.date("date")));
                yield new Job(line, lineId, op, d, UnitCommands.unitYearKey(d, unitId, y),
                        r.toCommand(d, unitId, y, expected));
            }
            case "basicSpend" -> {
                String unitId = id(f, "unitId");
                int y = requiredYear(f);
                String cls = f.either("class", "expenditureClass");
                BasicExpenditureRequest r = valid(new BasicExpenditureRequest(
                        cls == null ? null : choice("class", cls, Labelled.parser(BasicExpenditureClass.class)), f.decimal("amount"),
                        f.date("date")));
                yield new Job(line, lineId, op, d, UnitCommands.unitYearKey(d, unitId, y),
                        r.toCommand(d, unitId, y, expected));
            }
            case "threePublicBudget" -> {
                int y = requiredYear(f);
                ThreePublicBudgetRequest r = valid(new ThreePublicBudgetRequest(f.text("unitId"),
                        f.choice("category", Labelled.parser(ThreePublicCategory.class)), f.decimal("amount")));
                yield new Job(line, lineId, op, d, ThreePublicCommands.key(d, r.unitId(), y),
                        r.toCommand(d, y, expected));
            }
            case "threePublicSpend" -> {
                int y = requiredYear(f);
                ThreePublicSpendingRequest r = valid(new ThreePublicSpendingRequest(f.text("unitId"),
                        f.choice("category", Labelled.parser(ThreePublicCategory.class)), f.decimal("amount"), f.date("date")));
                yield new Job(line, lineId, op, d, ThreePublicCommands.key(d, r.unitId(), y),
                        r.toCommand(d, y, expected));
            }
            case "transfer" -> {
                int y = requiredYear(f);
                TransferRequest r = valid(new TransferRequest(f.choice("kind", Labelled.parser(TransferKind.class)), f.decimal("amount"),
                        f.text("docNo"), f.date("date")));
                yield new Job(line, lineId, op, d, TransferCommands.key(d, y), r.toCommand(d, y, expected));
            }
            case "debtOpening" -> {
                int y = requiredYear(f);
                OpeningBalanceRequest r = valid(new OpeningBalanceRequest(f.choice("type", Labelled.parser(DebtType.class)),
                        f.decimal("amount")));
                yield new Job(line, lineId, op, d, DebtCommands.key(d, y), r.toCommand(d, y, expected));
            }
            case "debtLimit" -> {
                int y = requiredYear(f);
                LimitRequest r = valid(new LimitRequest(f.choice("type", Labelled.parser(DebtType.class)), f.decimal("amount")));
                yield new Job(line, lineId, op, d, DebtCommands.key(d, y), r.toCommand(d, y, expected));
            }
            case "bond" -> {
                int y = requiredYear(f);
                BondRequest r = valid(new BondRequest(f.text("bondId"), f.choice("type", Labelled.parser(DebtType.class)),
                        f.choice("kind", Labelled.parser(BondKind.class)), f.decimal("amount"), f.integers("termYears"), f.text("purpose"),
                        f.text("projectId"), f.date("date")));
                yield new Job(line, lineId, op, d, DebtCommands.key(d, y), r.toCommand(d, y, expected));
            }
            case "principal" -> {
                int y = requiredYear(f);
                PrincipalRequest r = valid(new PrincipalRequest(f.choice("type", Labelled.parser(DebtType.class)), f.decimal("amount"),
                        f.text("bondId"), f.date("date")));
                yield new Job(line, lineId, op, d, DebtCommands.key(d, y), r.toCommand(d, y, expected));
            }
            case "interest" -> {
                int y = requiredYear(f);
                InterestRequest r = valid(new InterestRequest(f.choice("type", Labelled.parser(DebtType.class)), f.decimal("amount"),
                        f.date("date")));
                yield new Job(line, lineId, op, d, DebtCommands.key(d, y), r.toCommand(d, y, expected));
            }
            default -> throw new LineProblem("UNKNOWN_OP", "op", "'" + op + "' is not one of " + OPS);
        };
    }

    private static <E> E choice(String field, String value, java.util.function.Function<String, E> parse) {
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            throw new LineProblem(field, e.getMessage());
        }
    }

    private static String id(LineFields f, String field) {
        String id = f.required(field);
        if (!ID.matcher(id).matches()) {
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
