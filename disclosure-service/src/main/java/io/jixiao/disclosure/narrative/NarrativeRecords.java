package io.jixiao.disclosure.narrative;

import io.jixiao.disclosure.journal.JournalEvent;
import io.jixiao.disclosure.narrative.Figure.Kind;
import io.jixiao.disclosure.report.DistrictReport;
import io.jixiao.disclosure.report.DistrictReport.DebtLine;
import io.jixiao.disclosure.report.DistrictReport.KeyEvaluationLine;
import io.jixiao.disclosure.report.DistrictReport.Subject;
import io.jixiao.disclosure.report.DistrictReport.ThreePublicLine;
import io.jixiao.disclosure.report.DistrictReport.TransferLine;
import io.jixiao.disclosure.report.DistrictReport.TypeCount;
import io.jixiao.disclosure.report.DistrictReport.UnitLine;
import io.jixiao.events.budget.UnitRegistered;
import io.jixiao.events.evaluation.Indicator;
import io.jixiao.events.evaluation.PerformanceGoalDeclared;
import io.jixiao.events.evaluation.ScoredIndicator;
import io.jixiao.events.evaluation.SelfEvaluationSubmitted;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * What the records say, arranged for a draft to be checked against: entities (三公经费 lines, transfers, debt
 * types, bonds, units, projects, indicators, key evaluations) each with the figures the report computes for them
 * (its measures), the report field each figure is read from and the journal events behind it. Pure.
 *
 * @param anyRecords whether the journal holds anything for the district (a draft of a district with no records is
 *                   refused)
 */
public record NarrativeRecords(String districtCode, int year, List<Entity> entities, boolean anyRecords) {
    private static final int MAX_EVENTS = 50;

    /** What an entity's figure measures. */
    public enum Measure {
        SPENT, BUDGET, INITIAL, FULL_YEAR, EXECUTED, CARRIED_OVER, SAVED, LAST_YEAR, AMOUNT, BALANCE, NEW_BONDS,
        REFINANCING, INTEREST, PRINCIPAL, PROJECT_SPENT, BASIC_SPENT, PERSONNEL, PUBLIC, PROJECT_INITIAL,
        STAFF_AUTHORIZED, STAFF_ACTUAL, CONTROL_RATE, EXECUTION_RATE, TARGET, ACTUAL, COUNT, PROJECTS_COVERED,
        UNSUPPORTED, ADJUSTED
    }

    /** Kinds of entity; {@code near}: the alias must stand within a few characters of the figure. */
    public enum Type {
        THREE_PUBLIC, TRANSFER, DEBT, BOND, UNIT, PROJECT, INDICATOR, KEY_EVALUATIONS, KEY_EVALUATION_TYPE, DISTRICT
    }

    /**
     * A figure of the records.
     *
     * @param value  yuan for money, else the count or percentage
     * @param unit   元 for money; 人, 个, 次, % … otherwise
     * @param field  the report field (or event field) it is read from
     * @param events the journal events behind it ({@code Type:eventId}), at most 50
     * @param eventCount how many events are behind it in all
     */
    public record Fact(String label, Kind kind, BigDecimal value, String unit, String field, Behind behind) {
        public List<String> events() {
            return behind.events();
        }

        public int eventCount() {
            return behind.count();
        }
    }

    /**
     * The journal events behind a figure, found only when a claim is tied to it (a draft names a few dozen of the
     * records' figures; a district's journal may hold 100,000 events).
     */
    public static final class Behind {
        private final Collection<JournalEvent> candidates;
        private final Predicate<JournalEvent> test;
        private List<String> events;
        private int count;

        Behind(Collection<JournalEvent> candidates, Predicate<JournalEvent> test) {
            this.candidates = candidates;
            this.test = test;
        }

        static Behind of(List<String> refs) {
            Behind b = new Behind(List.of(), e -> false);
            b.events = List.copyOf(refs);
            b.count = refs.size();
            return b;
        }

        static Behind merge(Behind a, Behind b) {
            List<String> all = new ArrayList<>(a.events());
            all.addAll(b.events());
            Behind m = of(all.size() > MAX_EVENTS ? all.subList(0, MAX_EVENTS) : all);
            m.count = a.count() + b.count();
            return m;
        }

        synchronized List<String> events() {
            if (events == null) {
                List<String> refs = new ArrayList<>();
                int n = 0;
                for (JournalEvent e : candidates) {
                    if (test.test(e)) {
                        n++;
                        if (refs.size() < MAX_EVENTS) {
                            refs.add(e.type() + ":" + e.eventId());
                        }
                    }
                }
                events = List.copyOf(refs);
                count = n;
            }
            return events;
        }

        synchronized int count() {
            events();
            return count;
        }
    }

    public record Entity(String id, Type type, String name, List<String> aliases, Map<Measure, Fact> facts,
                         Measure defaultMeasure, String indicatorUnit) {
    }

    /** The one budget unit of a district that reports on a single unit, if so. */
    public Entity soleUnit() {
        List<Entity> units = entities.stream().filter(e -> e.type() == Type.UNIT).toList();
        return units.size() == 1 ? units.get(0) : null;
    }

    public static NarrativeRecords of(DistrictReport report, List<JournalEvent> events) {
        return new Builder(report, events).build();
    }

    private static final class Builder {
        private final DistrictReport report;
        private final List<JournalEvent> events;
        private final int year;
        private final List<Entity> entities = new ArrayList<>();

        private final Map<String, List<JournalEvent>> byType = new HashMap<>();
        private final Map<String, List<JournalEvent>> byProject = new HashMap<>();
        private final Map<String, List<JournalEvent>> byUnit = new HashMap<>();
        private final Map<String, String> unitOfProject = new HashMap<>();

        Builder(DistrictReport report, List<JournalEvent> events) {
            this.report = report;
            this.events = events;
            this.year = report.year();
            for (DistrictReport.ProjectLine p : report.projects().items()) {
                unitOfProject.put(p.projectId(), p.unitId());
            }
            for (JournalEvent e : events) {
                byType.computeIfAbsent(e.type(), k -> new ArrayList<>()).add(e);
                Object project = field(e.payload(), "projectId");
                if (project instanceof String id) {
                    byProject.computeIfAbsent(id, k -> new ArrayList<>()).add(e);
                }
                Object unit = field(e.payload(), "unitId");
                if (unit instanceof String id) {
                    byUnit.computeIfAbsent(id, k -> new ArrayList<>()).add(e);
                }
            }
        }

        private Collection<JournalEvent> ofTypes(String... types) {
            List<JournalEvent> all = new ArrayList<>();
            for (String t : types) {
                all.addAll(byType.getOrDefault(t, List.of()));
            }
            return all;
        }

        private Collection<JournalEvent> ofProject(String projectId) {
            return byProject.getOrDefault(projectId, List.of());
        }

        /** A unit's own events and those of its projects. */
        private Collection<JournalEvent> ofUnit(String unitId) {
            List<JournalEvent> all = new ArrayList<>(byUnit.getOrDefault(unitId, List.of()));
            unitOfProject.forEach((project, unit) -> {
                if (unitId.equals(unit)) {
                    all.addAll(ofProject(project));
                }
            });
            return all;
        }

        NarrativeRecords build() {
            threePublic();
            transfers();
            debt();
            units();
            projects();
            indicators();
            keyEvaluations();
            Map<Measure, Fact> district = new EnumMap<>(Measure.class);
            district.put(Measure.UNSUPPORTED, money("支出不实金额", report.summary().unsupportedSpendingWan(),
                    "summary.unsupportedSpendingWan", e -> yearOf(e) == year && (e.type().contains("Expenditure")
                            || e.type().contains("Budget") || e.type().contains("Appropriated"))));
            entities.add(new Entity("district", Type.DISTRICT, report.districtName(), List.of("支出不实"), district,
                    Measure.UNSUPPORTED, null));
            return new NarrativeRecords(report.districtCode(), year, List.copyOf(entities), !events.isEmpty());
        }

        private void threePublic() {
            if (!report.threePublic().recorded()) {
                return;
            }
            Map<String, List<String>> aliases = Map.of(
                    "total", List.of("三公经费", "“三公”经费", "\"三公\"经费", "三公"),
                    "overseas", List.of("因公出国（境）", "因公出国(境)", "出国经费", "因公出国"),
                    "vehicles", List.of("公务用车购置及运行费", "公务用车购置和维护经费", "公务用车购置及运行维护费",
                            "公务用车购置及运行维护"),
                    "vehiclePurchase", List.of("公车购置", "公务用车购置费"),
                    "vehicleOperation", List.of("公车运行维护", "公务用车运行维护费", "公务用车运行费"),
                    "reception", List.of("公务接待费", "公务接待"));
            List<ThreePublicLine> lines = new ArrayList<>(report.threePublic().lines());
            lines.add(report.threePublic().total());
            for (ThreePublicLine line : lines) {
                String path = line.id().equals("total") ? "threePublic.total" : "threePublic.lines[" + line.id() + "]";
                Collection<JournalEvent> tp = ofTypes("ThreePublicBudgeted", "ThreePublicSpent");
                Predicate<JournalEvent> behind = e -> yearOf(e) == year;
                Map<Measure, Fact> facts = new EnumMap<>(Measure.class);
                String name = "“三公”经费" + (line.id().equals("total") ? "" : "（" + line.category() + "）");
                facts.put(Measure.SPENT, money(name + "支出", line.spentWan(), path + ".spentWan", tp, behind));
                facts.put(Measure.BUDGET, money(name + "预算", line.budgetWan(), path + ".budgetWan", tp, behind));
                facts.put(Measure.SAVED, money(name + "节约（预算−支出）", line.savedWan(), path + ".savedWan", tp, behind));
                if (report.threePublic().lastYearRecorded()) {
                    facts.put(Measure.LAST_YEAR, money(name + "上年支出", line.lastYearWan(), path + ".lastYearWan",
                            ofTypes("ThreePublicSpent"), e -> yearOf(e) == year - 1));
                }
                entities.add(new Entity("threePublic." + line.id(), Type.THREE_PUBLIC, name,
                        aliases.getOrDefault(line.id(), List.of()), facts, Measure.SPENT, null));
            }
        }

        private void transfers() {
            if (!report.transfers().recorded()) {
                return;
            }
            for (TransferLine line : report.transfers().lines()) {
                Map<Measure, Fact> facts = new EnumMap<>(Measure.class);
                String kind = line.kind();
                Predicate<JournalEvent> behind = e -> e.type().equals("TransferReceived") && yearOf(e) == year
                        && Objects.toString(field(e.payload(), "kind")).equals(kindName(kind));
                facts.put(Measure.AMOUNT, money(kind + "转移支付", line.amountWan(),
                        "transfers.lines[" + kind + "].amountWan", ofTypes("TransferReceived"), behind));
                if (report.transfers().lastYearRecorded()) {
                    facts.put(Measure.LAST_YEAR, money(kind + "转移支付（上年）", line.lastYearWan(),
                            "transfers.lines[" + kind + "].lastYearWan", ofTypes("TransferReceived"),
                            e -> yearOf(e) == year - 1 && Objects.toString(field(e.payload(), "kind"))
                                    .equals(kindName(kind))));
                }
                List<String> aliases = kind.equals("返还性") ? List.of("税收返还", "返还性转移支付")
                        : List.of(kind + "转移支付");
                entities.add(new Entity("transfer." + kind, Type.TRANSFER, kind + "转移支付", aliases, facts,
                        Measure.AMOUNT, null));
            }
        }

        private static String kindName(String label) {
            return switch (label) {
                case "返还性" -> "TAX_REBATE";
                case "一般性" -> "GENERAL";
                default -> "EARMARKED";
            };
        }

        private void debt() {
            if (!report.debt().recorded()) {
                return;
            }
            Collection<JournalEvent> debtEvents = ofTypes("BondIssued", "BondInterestPaid", "BondPrincipalRepaid",
                    "DebtBalanceOpened", "DebtLimitSet");
            List<DebtLine> lines = new ArrayList<>(report.debt().byType());
            lines.add(report.debt().total());
            for (DebtLine line : lines) {
                String type = line.type();
                String path = type.equals("TOTAL") ? "debt.total" : "debt.byType[" + type + "]";
                Predicate<JournalEvent> behind = e -> (e.type().startsWith("Bond") || e.type().startsWith("Debt"))
                        && yearOf(e) <= year && (type.equals("TOTAL")
                        || type.equals(Objects.toString(field(e.payload(), "type"))));
                Map<Measure, Fact> facts = new EnumMap<>(Measure.class);
                String name = line.label();
                facts.put(Measure.BALANCE, money(name + "余额", line.balanceWan(), path + ".balanceWan", debtEvents, behind));
                facts.put(Measure.NEW_BONDS, money(name + "新增债券", line.newBondsWan(), path + ".newBondsWan",
                        debtEvents, behind.and(e -> e.type().equals("BondIssued") && yearOf(e) == year)));
                facts.put(Measure.REFINANCING, money(name + "再融资债券", line.refinancingWan(),
                        path + ".refinancingWan", debtEvents, behind.and(e -> e.type().equals("BondIssued") && yearOf(e) == year)));
                facts.put(Measure.INTEREST, money(name + "付息", line.interestWan(), path + ".interestWan",
                        debtEvents, behind.and(e -> e.type().equals("BondInterestPaid") && yearOf(e) == year)));
                facts.put(Measure.PRINCIPAL, money(name + "还本", line.principalRepaidWan(),
                        path + ".principalRepaidWan",
                        debtEvents, behind.and(e -> e.type().equals("BondPrincipalRepaid") && yearOf(e) == year)));
                List<String> aliases = switch (type) {
                    case "GENERAL" -> List.of("一般债务", "一般债券");
                    case "SPECIAL" -> List.of("专项债务", "专项债券");
                    default -> List.of("政府债务", "债务总规模", "再融资债券", "地方政府债务");
                };
                entities.add(new Entity("debt." + type, Type.DEBT, name, aliases, facts, Measure.BALANCE, null));
            }
            for (DistrictReport.Bond bond : report.debt().bonds()) {
                if (bond.purpose() == null || bond.purpose().length() < 6 || bond.purpose().contains("再融资")) {
                    continue;
                }
                Map<Measure, Fact> facts = new EnumMap<>(Measure.class);
                facts.put(Measure.AMOUNT, money(bond.purpose() + "（债券）", bond.amountWan(),
                        "debt.bonds[" + bond.bondId() + "].amountWan", ofTypes("BondIssued"), e -> e.type().equals("BondIssued")
                                && bond.bondId().equals(field(e.payload(), "bondId"))));
                entities.add(new Entity("bond." + bond.bondId(), Type.BOND, bond.purpose(), List.of(bond.purpose()),
                        facts, Measure.AMOUNT, null));
            }
        }

        private void units() {
            Map<String, UnitRegistered> registered = new LinkedHashMap<>();
            for (JournalEvent e : events) {
                if (e.payload() instanceof UnitRegistered u) {
                    registered.put(u.unitId(), u);
                }
            }
            for (UnitLine u : report.units()) {
                String id = u.unitId();
                String path = "units[" + id + "]";
                Predicate<JournalEvent> basic = e -> e.type().startsWith("Basic") && id.equals(field(e.payload(), "unitId"))
                        && yearOf(e) == year;
                Predicate<JournalEvent> all = e -> id.equals(field(e.payload(), "unitId")) && yearOf(e) == year
                        || projectOfUnit(e, id);
                Collection<JournalEvent> mine = ofUnit(id);
                Map<Measure, Fact> facts = new EnumMap<>(Measure.class);
                facts.put(Measure.INITIAL, money(u.name() + "年初预算数", u.initialBudgetWan(), path + ".initialBudgetWan",
                        mine, e -> e.type().equals("BasicBudgetAppropriated") && basic.test(e)
                                || e.type().equals("BudgetAppropriated") && projectOfUnit(e, id)));
                facts.put(Measure.FULL_YEAR, money(u.name() + "全年预算数", u.fullYearBudgetWan(),
                        path + ".fullYearBudgetWan", mine, all.and(e -> !e.type().contains("Expenditure"))));
                facts.put(Measure.EXECUTED, money(u.name() + "全年执行数", u.executedWan(), path + ".executedWan",
                        mine, all.and(e -> e.type().contains("Expenditure"))));
                facts.put(Measure.PROJECT_SPENT, money(u.name() + "项目支出", u.projectSpentWan(),
                        path + ".projectSpentWan", mine, e -> e.type().equals("ExpenditureRecorded") && projectOfUnit(e, id)));
                facts.put(Measure.PROJECT_INITIAL, money(u.name() + "年初预算项目支出", u.projectInitialWan(),
                        path + ".projectInitialWan", mine, e -> e.type().equals("BudgetAppropriated") && projectOfUnit(e, id)));
                facts.put(Measure.BASIC_SPENT, money(u.name() + "基本支出", u.basicSpentWan(), path + ".basicSpentWan",
                        mine, basic.and(e -> e.type().equals("BasicExpenditureRecorded"))));
                facts.put(Measure.PERSONNEL, money(u.name() + "人员经费", u.personnelSpentWan(),
                        path + ".personnelSpentWan", mine, basic.and(e -> e.type().equals("BasicExpenditureRecorded")
                                && "PERSONNEL".equals(Objects.toString(field(e.payload(), "expenditureClass"))))));
                facts.put(Measure.PUBLIC, money(u.name() + "公用经费", u.publicSpentWan(), path + ".publicSpentWan",
                        mine, basic.and(e -> e.type().equals("BasicExpenditureRecorded")
                                && "PUBLIC".equals(Objects.toString(field(e.payload(), "expenditureClass"))))));
                if (u.executionRate() != null && u.executionRate().endsWith("%")) {
                    facts.put(Measure.EXECUTION_RATE, new Fact(u.name() + "执行率", Kind.PERCENT,
                            new BigDecimal(u.executionRate().replace("%", "")), "%", path + ".executionRate",
                            new Behind(ofUnit(id), e -> yearOf(e) == year)));
                }
                UnitRegistered r = registered.get(id);
                if (r != null) {
                    List<String> reg = events.stream().filter(e -> e.payload() == r)
                            .map(e -> e.type() + ":" + e.eventId()).toList();
                    if (r.staffingAuthorized() != null) {
                        facts.put(Measure.STAFF_AUTHORIZED, new Fact(u.name() + "编制数", Kind.COUNT,
                                BigDecimal.valueOf(r.staffingAuthorized()), "人", "UnitRegistered.staffingAuthorized",
                                Behind.of(reg)));
                    }
                    if (r.staffingActual() != null) {
                        facts.put(Measure.STAFF_ACTUAL, new Fact(u.name() + "实有人数", Kind.COUNT,
                                BigDecimal.valueOf(r.staffingActual()), "人", "UnitRegistered.staffingActual",
                                Behind.of(reg)));
                    }
                    if (r.staffingAuthorized() != null && r.staffingActual() != null && r.staffingAuthorized() > 0) {
                        facts.put(Measure.CONTROL_RATE, new Fact(u.name() + "编制控制率（实有人数 ÷ 编制数）",
                                Kind.PERCENT, BigDecimal.valueOf(r.staffingActual()).multiply(BigDecimal.valueOf(100))
                                .divide(BigDecimal.valueOf(r.staffingAuthorized()), 2, java.math.RoundingMode.HALF_UP),
                                "%", "UnitRegistered.staffingActual ÷ staffingAuthorized", Behind.of(reg)));
                    }
                }
                List<String> aliases = new ArrayList<>();
                aliases.add(u.name());
                String shortName = u.name().replaceFirst("^.{1,4}市", "");
                if (!shortName.equals(u.name())) {
                    aliases.add(shortName);
                }
                entities.add(new Entity("unit." + id, Type.UNIT, u.name(), aliases, facts, null, null));
            }
        }

        private boolean projectOfUnit(JournalEvent e, String unitId) {
            Object projectId = field(e.payload(), "projectId");
            return projectId != null && unitId.equals(unitOfProject.get(projectId));
        }

        private void projects() {
            Map<String, Entity> byId = new LinkedHashMap<>();
            for (DistrictReport.ProjectLine p : report.projects().items()) {
                String path = "projects.items[" + p.projectId() + "]";
                Predicate<JournalEvent> of = e -> p.projectId().equals(e.aggregateId())
                        || p.projectId().equals(field(e.payload(), "projectId"));
                Map<Measure, Fact> facts = new EnumMap<>(Measure.class);
                facts.put(Measure.INITIAL, money(p.name() + "年初预算", p.initialWan(), path + ".initialWan",
                        ofProject(p.projectId()), of.and(e -> e.type().equals("BudgetAppropriated"))));
                facts.put(Measure.CARRIED_OVER, money(p.name() + "结转", p.carriedOverWan(), path + ".carriedOverWan",
                        ofProject(p.projectId()), of.and(e -> e.type().equals("FundsCarriedOver"))));
                facts.put(Measure.BUDGET, money(p.name() + "全年预算", p.budgetWan(), path + ".budgetWan",
                        ofProject(p.projectId()), of.and(e -> !e.type().equals("ExpenditureRecorded"))));
                facts.put(Measure.FULL_YEAR, facts.get(Measure.BUDGET));
                facts.put(Measure.SPENT, money(p.name() + "支出", p.spentWan(), path + ".spentWan",
                        ofProject(p.projectId()), of.and(e -> e.type().equals("ExpenditureRecorded"))));
                byId.put(p.projectId(), new Entity("project." + p.projectId(), Type.PROJECT, p.name(),
                        projectAliases(p.name()), facts, Measure.BUDGET, null));
            }
            for (KeyEvaluationLine k : report.performance().keyEvaluations().items()) {
                for (Subject s : k.subjects()) {
                    if (byId.containsKey(s.projectId()) || s.name() == null) {
                        continue;
                    }
                    String path = "performance.keyEvaluations.items[" + k.evaluationId() + "].subjects["
                            + s.projectId() + "]";
                    Predicate<JournalEvent> of = e -> s.projectId().equals(e.aggregateId())
                            || s.projectId().equals(field(e.payload(), "projectId"));
                    Map<Measure, Fact> facts = new EnumMap<>(Measure.class);
                    boolean budgeted = s.budgetWan() != null && new BigDecimal(s.budgetWan()).signum() > 0;
                    if (budgeted) {
                        facts.put(Measure.BUDGET, money(s.name() + "预算", s.budgetWan(), path + ".budgetWan",
                                ofProject(s.projectId()), of.and(e -> !e.type().equals("ExpenditureRecorded"))));
                        facts.put(Measure.FULL_YEAR, facts.get(Measure.BUDGET));
                    }
                    if (k.subjects().size() == 1 && k.amountWan() != null) {
                        facts.put(Measure.AMOUNT, money(s.name() + "（重点评价涉及资金）", k.amountWan(),
                                "performance.keyEvaluations.items[" + k.evaluationId() + "].amountWan",
                                e -> e.type().startsWith("KeyEvaluation")
                                        && k.evaluationId().equals(field(e.payload(), "evaluationId"))));
                    }
                    if (s.spentWan() != null && new BigDecimal(s.spentWan()).signum() > 0) {
                        facts.put(Measure.SPENT, money(s.name() + "支出", s.spentWan(), path + ".spentWan",
                                ofProject(s.projectId()), of.and(e -> e.type().equals("ExpenditureRecorded"))));
                    }
                    if (facts.isEmpty()) {
                        continue;
                    }
                    byId.put(s.projectId(), new Entity("project." + s.projectId(), Type.PROJECT, s.name(),
                            projectAliases(s.name()), facts, budgeted ? Measure.BUDGET : Measure.AMOUNT, null));
                }
            }
            entities.addAll(byId.values());
        }

        private static List<String> projectAliases(String name) {
            List<String> aliases = new ArrayList<>();
            aliases.add(name);
            String bare = name.replaceAll("项目$", "");
            if (!bare.equals(name) && bare.length() >= 4) {
                aliases.add(bare);
            }
            String inner = name.replaceAll("^[^（(]*[（(]|[）)]$", "");
            if (!inner.equals(name) && inner.length() >= 6) {
                aliases.add(inner);
            }
            int space = name.lastIndexOf(' ');
            if (space > 0 && name.length() - space - 1 >= 6) {
                aliases.add(name.substring(space + 1));
            }
            return aliases;
        }

        private void indicators() {
            Map<String, PerformanceGoalDeclared> goals = new LinkedHashMap<>();
            Map<String, JournalEvent> goalEvents = new LinkedHashMap<>();
            for (JournalEvent e : events) {
                if (e.payload() instanceof PerformanceGoalDeclared g && g.fiscalYear() == year) {
                    goals.put(g.goalId(), g);
                    goalEvents.put(g.goalId(), e);
                }
            }
            Map<String, SelfEvaluationSubmitted> selfs = new LinkedHashMap<>();
            Map<String, JournalEvent> selfEvents = new LinkedHashMap<>();
            for (JournalEvent e : events) {
                if (e.payload() instanceof SelfEvaluationSubmitted s && goals.containsKey(s.goalId())) {
                    selfs.put(s.goalId(), s);
                    selfEvents.put(s.goalId(), e);
                }
            }
            for (PerformanceGoalDeclared g : goals.values()) {
                JournalEvent ge = goalEvents.get(g.goalId());
                SelfEvaluationSubmitted self = selfs.get(g.goalId());
                for (Indicator i : g.indicators()) {
                    Kind kind = kindOf(i.unit());
                    if (kind == null || !isNumber(i.target())) {
                        continue;
                    }
                    Map<Measure, Fact> facts = new EnumMap<>(Measure.class);
                    String path = "PerformanceGoalDeclared[" + g.goalId() + "].indicators[" + i.l3() + "]";
                    facts.put(Measure.TARGET, indicatorFact(i.l3() + "（年度指标值）", kind, i.target(), i.unit(),
                            path + ".target", ge));
                    if (self != null) {
                        for (ScoredIndicator s : self.indicators()) {
                            if (s.l3().equals(i.l3()) && isNumber(s.actual())) {
                                facts.put(Measure.ACTUAL, indicatorFact(i.l3() + "（实际完成值）", kind, s.actual(),
                                        i.unit(), "SelfEvaluationSubmitted[" + self.evaluationId() + "].indicators["
                                                + i.l3() + "].actual", selfEvents.get(g.goalId())));
                            }
                        }
                    }
                    entities.add(new Entity("indicator." + g.goalId() + "." + i.l3(), Type.INDICATOR, i.l3(),
                            List.of(i.l3()), facts, Measure.ACTUAL, i.unit()));
                }
            }
        }

        private Fact indicatorFact(String label, Kind kind, String value, String unit, String field, JournalEvent e) {
            BigDecimal v = new BigDecimal(value);
            if (kind == Kind.MONEY) {
                v = v.multiply(Units.yuanPer(unit));
            }
            List<String> refs = e == null ? List.of() : List.of(e.type() + ":" + e.eventId());
            return new Fact(label, kind, v, kind == Kind.MONEY ? "元" : unit, field, Behind.of(refs));
        }

        private static Kind kindOf(String unit) {
            if (unit == null) {
                return null;
            }
            if (Units.isMoney(unit)) {
                return Kind.MONEY;
            }
            return switch (unit) {
                case "%" -> Kind.PERCENT;
                case "个", "人", "次", "家", "项" -> Kind.COUNT;
                default -> null;
            };
        }

        private static boolean isNumber(String s) {
            return s != null && s.matches("-?\\d+(\\.\\d+)?");
        }

        private void keyEvaluations() {
            DistrictReport.KeyEvaluations k = report.performance().keyEvaluations();
            if (k.count() == 0) {
                return;
            }
            Predicate<JournalEvent> behind = e -> e.type().startsWith("KeyEvaluation") && yearOf(e) == year;
            Collection<JournalEvent> keyEvents = ofTypes("KeyEvaluationCommissioned", "KeyEvaluationCompleted");
            Map<Measure, Fact> facts = new EnumMap<>(Measure.class);
            facts.put(Measure.COUNT, new Fact("重点评价项目（类型）数", Kind.COUNT, BigDecimal.valueOf(k.count()), "个",
                    "performance.keyEvaluations.count", new Behind(keyEvents, behind)));
            facts.put(Measure.PROJECTS_COVERED, new Fact("重点评价涵盖项目数", Kind.COUNT,
                    BigDecimal.valueOf(k.projectsCovered()), "个", "performance.keyEvaluations.projectsCovered",
                    new Behind(keyEvents, behind)));
            facts.put(Measure.AMOUNT, money("重点评价涉及资金", k.amountWan(), "performance.keyEvaluations.amountWan",
                    keyEvents, behind));
            entities.add(new Entity("keyEvaluations", Type.KEY_EVALUATIONS, "重点评价",
                    List.of("重点绩效评价", "重点评价", "绩效评价范围"), facts, null, null));
            for (TypeCount t : k.types()) {
                Map<Measure, Fact> tf = new EnumMap<>(Measure.class);
                Predicate<JournalEvent> of = behind.and(e -> t.type().equals(field(e.payload(), "type")));
                tf.put(Measure.COUNT, new Fact(t.type() + "重点评价数", Kind.COUNT, BigDecimal.valueOf(t.count()), "个",
                        "performance.keyEvaluations.types[" + t.type() + "].count", new Behind(keyEvents, of)));
                List<String> aliases = new ArrayList<>();
                aliases.add(t.type());
                String shortType = t.type().replaceAll("项目$", "");
                if (!shortType.equals(t.type())) {
                    aliases.add(shortType);
                }
                if (shortType.contains("债务")) {
                    aliases.add(shortType.replace("债务", "债"));
                }
                entities.add(new Entity("keyEvaluations.type." + t.type(), Type.KEY_EVALUATION_TYPE, t.type(), aliases,
                        tf, Measure.COUNT, null));
            }
        }

        // ------------------------------------------------------------------ helpers

        private Fact money(String label, String wan, String field, Predicate<JournalEvent> behind) {
            return money(label, wan, field, events, behind);
        }

        private Fact money(String label, String wan, String field, Collection<JournalEvent> candidates,
                           Predicate<JournalEvent> behind) {
            BigDecimal yuan = new BigDecimal(wan).multiply(Units.WAN);
            return new Fact(label, Kind.MONEY, yuan, "元", field, new Behind(candidates, behind));
        }

    }

    /** The fiscal year (or year) an event's payload states, or {@link Integer#MIN_VALUE}. */
    public static int yearOf(JournalEvent e) {
        Object y = field(e.payload(), "fiscalYear");
        if (y == null) {
            y = field(e.payload(), "year");
        }
        return y instanceof Integer i ? i : Integer.MIN_VALUE;
    }

    /** A record component of an event payload by name, or null (payloads are records of the published language). */
    static Object field(Object payload, String name) {
        if (payload == null || !payload.getClass().isRecord()) {
            return null;
        }
        for (RecordComponent c : payload.getClass().getRecordComponents()) {
            if (c.getName().equals(name)) {
                try {
                    return c.getAccessor().invoke(payload);
                } catch (ReflectiveOperationException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
