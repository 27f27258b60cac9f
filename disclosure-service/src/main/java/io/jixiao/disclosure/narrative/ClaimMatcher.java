package io.jixiao.disclosure.narrative;

import io.jixiao.disclosure.narrative.Draft.Basis;
import io.jixiao.disclosure.narrative.Draft.Breakdown;
import io.jixiao.disclosure.narrative.Draft.Comparison;
import io.jixiao.disclosure.narrative.Figure.Kind;
import io.jixiao.disclosure.narrative.NarrativeRecords.Entity;
import io.jixiao.disclosure.narrative.NarrativeRecords.Fact;
import io.jixiao.disclosure.narrative.NarrativeRecords.Measure;
import io.jixiao.disclosure.narrative.NarrativeRecords.Type;
import io.jixiao.disclosure.narrative.NarrativeResult.Claim;
import io.jixiao.disclosure.narrative.NarrativeResult.Expected;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a parsed draft against the records: pure. Each figure is tied to an entity of the records (the alias
 * nearest before it in its sentence, or the row of its table) and a measure (the measure word nearest before it, or
 * its table column), compared at the precision the draft writes it, then the draft is checked against itself:
 * comparisons (direction word, amount, percentage and its base), breakdowns (parts against the total) and the same
 * figure stated twice.
 */
public final class ClaimMatcher {
    /** Measure words, longest first where one contains another; the one ending nearest before a figure wins. */
    private static final List<Map.Entry<String, Measure>> MEASURE_WORDS = List.of(
            Map.entry("年初预算项目支出", Measure.PROJECT_INITIAL),
            Map.entry("年初预算数", Measure.INITIAL), Map.entry("年初预算", Measure.INITIAL),
            Map.entry("预算资金", Measure.INITIAL),
            Map.entry("全年预算数", Measure.FULL_YEAR), Map.entry("全年预算", Measure.FULL_YEAR),
            Map.entry("财政拨款收入", Measure.FULL_YEAR), Map.entry("收入", Measure.FULL_YEAR),
            Map.entry("全年执行数", Measure.EXECUTED), Map.entry("财政拨款支出", Measure.EXECUTED),
            Map.entry("决算支出", Measure.EXECUTED), Map.entry("执行数", Measure.EXECUTED),
            Map.entry("项目支出", Measure.PROJECT_SPENT), Map.entry("基本支出", Measure.BASIC_SPENT),
            Map.entry("人员经费", Measure.PERSONNEL), Map.entry("公用经费", Measure.PUBLIC),
            Map.entry("付息支出", Measure.INTEREST), Map.entry("付息", Measure.INTEREST),
            Map.entry("实际支出", Measure.SPENT), Map.entry("实际使用", Measure.SPENT), Map.entry("支出", Measure.SPENT),
            Map.entry("使用", Measure.SPENT), Map.entry("拨付", Measure.SPENT),
            Map.entry("结转", Measure.CARRIED_OVER),
            Map.entry("预算数", Measure.BUDGET), Map.entry("预算", Measure.BUDGET),
            Map.entry("编制人数", Measure.STAFF_AUTHORIZED), Map.entry("编制数", Measure.STAFF_AUTHORIZED),
            Map.entry("实有人数", Measure.STAFF_ACTUAL), Map.entry("实际在职人数", Measure.STAFF_ACTUAL),
            Map.entry("在职人数", Measure.STAFF_ACTUAL),
            Map.entry("控制率", Measure.CONTROL_RATE), Map.entry("执行率", Measure.EXECUTION_RATE),
            Map.entry("新增", Measure.NEW_BONDS), Map.entry("再融资", Measure.REFINANCING),
            Map.entry("还本", Measure.PRINCIPAL), Map.entry("偿还本金", Measure.PRINCIPAL),
            Map.entry("余额", Measure.BALANCE), Map.entry("总规模", Measure.BALANCE),
            Map.entry("评价资金", Measure.AMOUNT),
            Map.entry("预算调整", Measure.ADJUSTED), Map.entry("调整", Measure.ADJUSTED),
            Map.entry("调增", Measure.ADJUSTED), Map.entry("调减", Measure.ADJUSTED),
            Map.entry("年度指标值", Measure.TARGET), Map.entry("预期目标", Measure.TARGET),
            Map.entry("实际完成", Measure.ACTUAL));
    private static final Map<Measure, String> MEASURE_NAMES = new HashMap<>();
    /** Table columns that name their measure whatever the row: 年初预算数, 全年执行数, 编制数 … */
    private static final Set<Measure> SPECIFIC_COLUMNS = Set.of(Measure.INITIAL, Measure.FULL_YEAR, Measure.EXECUTED,
            Measure.EXECUTION_RATE, Measure.STAFF_AUTHORIZED, Measure.STAFF_ACTUAL, Measure.CONTROL_RATE,
            Measure.TARGET, Measure.ACTUAL);

    static {
        String[][] names = {{"SPENT", "支出"}, {"BUDGET", "预算"}, {"INITIAL", "年初预算"}, {"FULL_YEAR", "全年预算"},
                {"EXECUTED", "全年执行数"}, {"CARRIED_OVER", "结转"}, {"SAVED", "节约额"}, {"LAST_YEAR", "上年数"},
                {"AMOUNT", "金额"}, {"BALANCE", "余额"}, {"NEW_BONDS", "新增债券"}, {"REFINANCING", "再融资债券"},
                {"INTEREST", "付息"}, {"PRINCIPAL", "还本"}, {"PROJECT_SPENT", "项目支出"}, {"BASIC_SPENT", "基本支出"},
                {"PERSONNEL", "人员经费"}, {"PUBLIC", "公用经费"}, {"PROJECT_INITIAL", "年初预算项目支出"},
                {"STAFF_AUTHORIZED", "编制数"}, {"STAFF_ACTUAL", "实有人数"}, {"CONTROL_RATE", "控制率"},
                {"EXECUTION_RATE", "执行率"}, {"TARGET", "年度指标值"}, {"ACTUAL", "实际完成值"}, {"COUNT", "个数"},
                {"PROJECTS_COVERED", "涵盖项目数"}, {"UNSUPPORTED", "支出不实金额"}, {"ADJUSTED", "预算调整"}};
        for (String[] n : names) {
            MEASURE_NAMES.put(Measure.valueOf(n[0]), n[1]);
        }
    }

    private ClaimMatcher() {
    }

    public static NarrativeResult check(Draft draft, NarrativeRecords records) {
        return new Run(draft, records).run();
    }

    /** What a figure was tied to. */
    private record Resolution(Entity entity, Measure measure, Fact fact, String missing) {
    }

    private static final class Run {
        private final Draft draft;
        private final NarrativeRecords records;
        private final int n;
        private final Resolution[] resolved;
        private final Verdict[] verdicts;
        private final String[] reasons;
        private final List<List<String>> inconsistencies = new ArrayList<>();
        private final String[] kinds;
        private final String[] words;
        private final String[] bases;
        private final int[] claimStart;
        private final List<List<String>> parts = new ArrayList<>();
        private final Map<Integer, Comparison> deltaOf = new HashMap<>();
        private final Map<Integer, Comparison> baseOf = new HashMap<>();
        private final Map<Integer, Comparison> percentOf = new HashMap<>();

        Run(Draft draft, NarrativeRecords records) {
            this.draft = draft;
            this.records = records;
            this.n = draft.figures().size();
            this.resolved = new Resolution[n];
            this.verdicts = new Verdict[n];
            this.reasons = new String[n];
            this.kinds = new String[n];
            this.words = new String[n];
            this.bases = new String[n];
            this.claimStart = new int[n];
            for (int i = 0; i < n; i++) {
                inconsistencies.add(new ArrayList<>());
                parts.add(List.of());
                Figure f = draft.figure(i);
                claimStart[i] = f.start();
                kinds[i] = switch (f.kind()) {
                    case MONEY -> "AMOUNT";
                    case PERCENT, POINTS -> "PERCENT";
                    case COUNT -> "COUNT";
                };
            }
            for (Comparison c : draft.comparisons()) {
                if (c.delta() >= 0) {
                    deltaOf.put(c.delta(), c);
                }
                if (c.base() >= 0) {
                    baseOf.put(c.base(), c);
                }
                if (c.percent() >= 0) {
                    percentOf.put(c.percent(), c);
                }
            }
        }

        NarrativeResult run() {
            for (int i = 0; i < n; i++) {
                if (!deltaOf.containsKey(i) && !baseOf.containsKey(i) && !percentOf.containsKey(i)) {
                    resolved[i] = resolve(draft.figure(i));
                }
            }
            for (Comparison c : draft.comparisons()) {
                comparison(c);
            }
            for (int i = 0; i < n; i++) {
                if (verdicts[i] == null) {
                    recordVerdict(i);
                }
            }
            for (Breakdown b : draft.breakdowns()) {
                breakdown(b);
            }
            statedTwice();
            List<Claim> claims = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                claims.add(claim(i));
            }
            return new NarrativeResult(records.districtCode(), records.year(), draft.text().length(),
                    List.copyOf(claims));
        }

        // ------------------------------------------------------------------ tying a figure to the records

        private Resolution resolve(Figure f) {
            if (f.approximate() || f.range()) {
                return new Resolution(null, null, null, f.range() ? "文中为区间，不与单一记录数比对" : "文中为约数，不与精确记录数比对");
            }
            Entity entity = null;
            int aliasEnd = -1;
            String where = f.inTable() ? f.row() + "｜" + f.context() : f.context();
            int[] found = new int[1];
            boolean indicatorColumn = f.comparator() != null || f.inTable()
                    && f.column().matches(".*(指标值|实际完成|预期目标|三级指标).*");
            if (indicatorColumn) {
                entity = indicator(f);
            }
            if (entity == null) {
                entity = nearestEntity(where, found, f);
                aliasEnd = found[0];
            }
            if (entity == null && f.inTable()) {
                entity = rowEntity(f.row());
                aliasEnd = -1;
            }
            if (entity == null && f.inTable() && f.column() != null) {
                entity = nearestEntity(f.column(), found, f);
                aliasEnd = -1;
            }
            String clause = lastClause(f.inTable() ? f.row() + f.context() : where);
            if (entity == null && (records.soleUnit() == null || measureWord(clause, 0) == null)) {
                entity = indicator(f);
                aliasEnd = -1;
            }
            boolean defaulted = false;
            if (entity == null) {
                entity = records.soleUnit();
                defaulted = true;
            }
            if (entity == null) {
                return new Resolution(null, null, null, "记录中找不到文中所指的对象");
            }
            Measure measure = measure(f, entity, where, aliasEnd);
            if (measure == null) {
                return new Resolution(entity, null, null, defaulted ? "记录中找不到文中所指的对象"
                        : "记录中没有与之对应的" + entity.name() + "数据");
            }
            Fact fact = fact(entity, measure);
            if (fact == null) {
                return new Resolution(entity, measure, null, "记录中没有" + entity.name() + "的"
                        + MEASURE_NAMES.get(measure));
            }
            if (fact.kind() != f.kind() && !(f.kind() == Kind.POINTS)) {
                return new Resolution(entity, measure, null, "记录中没有与文中" + (f.kind() == Kind.COUNT ? "个数"
                        : f.kind() == Kind.PERCENT ? "比率" : "金额") + "对应的" + entity.name() + "数据");
            }
            if (f.kind() == Kind.POINTS) {
                return new Resolution(entity, measure, null, "百分点是两个比率之差，记录中没有可比的上年比率");
            }
            return new Resolution(entity, measure, fact, null);
        }

        private static String lastClause(String where) {
            int cut = Math.max(Math.max(where.lastIndexOf('，'), where.lastIndexOf('；')),
                    Math.max(where.lastIndexOf('。'), where.lastIndexOf('｜')));
            return where.substring(cut + 1);
        }

        /** A table row named by a shortened project name ("3、信息化建设" for 财政信息化建设). */
        private Entity rowEntity(String row) {
            String label = row == null ? "" : row.replaceAll("^\\s*\\d{1,2}\\s*[、.．]", "")
                    .replaceAll("^其中[：:]", "").replaceAll("项目[：:]?$", "").strip();
            if (label.length() < 4) {
                return null;
            }
            Entity only = null;
            for (Entity e : records.entities()) {
                if ((e.type() == Type.PROJECT || e.type() == Type.THREE_PUBLIC) && e.name().contains(label)) {
                    if (only != null) {
                        return null;
                    }
                    only = e;
                }
            }
            return only;
        }

        private Entity nearestEntity(String context, int[] end, Figure f) {
            Entity best = null;
            int bestEnd = -1;
            int bestLength = 0;
            for (Entity e : records.entities()) {
                if (e.type() == Type.INDICATOR) {
                    continue;
                }
                for (String alias : e.aliases()) {
                    int at = context.lastIndexOf(alias);
                    if (at < 0) {
                        continue;
                    }
                    int aliasEnd = at + alias.length();
                    if (e.type() == Type.KEY_EVALUATION_TYPE && (f.kind() != Kind.COUNT
                            || !context.substring(aliasEnd).matches("(评价)?项目"))) {
                        continue;
                    }
                    if (e.type() == Type.DISTRICT && context.length() - aliasEnd > 6) {
                        continue;
                    }
                    if (aliasEnd > bestEnd || aliasEnd == bestEnd && alias.length() > bestLength) {
                        best = e;
                        bestEnd = aliasEnd;
                        bestLength = alias.length();
                    }
                }
            }
            end[0] = bestEnd;
            return best;
        }

        /** An indicator whose name covers the words before (and right after) the figure, of the figure's unit. */
        private Entity indicator(Figure f) {
            String label = f.inTable() && !f.row().isBlank() && f.context().isBlank() ? f.row() : f.context();
            String[] clauses = label.split("[；;。，,：:]");
            String clause = clauses.length == 0 ? "" : clauses[clauses.length - 1];
            clause = clause.replaceAll("^\\s*\\d{1,2}\\s*[.、．]", "").replaceAll("[≥≤<>\\s\\d.,%]", "") + f.after();
            if (clause.length() < 2) {
                return null;
            }
            Entity best = null;
            double bestScore = 0;
            boolean tie = false;
            for (Entity e : records.entities()) {
                if (e.type() != Type.INDICATOR || !unitFits(e.indicatorUnit(), f)) {
                    continue;
                }
                double score = coverage(clause, e.name());
                if (score > bestScore) {
                    best = e;
                    bestScore = score;
                    tie = false;
                } else if (score == bestScore) {
                    tie = true;
                }
            }
            return bestScore >= 0.66 && !tie ? best : null;
        }

        private static boolean unitFits(String indicatorUnit, Figure f) {
            if (indicatorUnit == null) {
                return false;
            }
            if (f.kind() == Kind.MONEY) {
                return Units.isMoney(indicatorUnit);
            }
            return indicatorUnit.equals(f.unit());
        }

        /** Share of the clause's character pairs found in the name. */
        private static double coverage(String clause, String name) {
            int pairs = 0;
            int hits = 0;
            for (int i = 0; i + 1 < clause.length(); i++) {
                pairs++;
                if (name.contains(clause.substring(i, i + 2))) {
                    hits++;
                }
            }
            return pairs == 0 ? 0 : (double) hits / pairs;
        }

        private Measure measure(Figure f, Entity entity, String where, int aliasEnd) {
            if (entity.type() == Type.INDICATOR) {
                if (f.comparator() != null) {
                    return Measure.TARGET;
                }
                String column = f.column() == null ? "" : f.column();
                if (column.contains("实际")) {
                    return Measure.ACTUAL;
                }
                if (column.contains("指标值") || column.contains("预期") || column.contains("三级指标")) {
                    return Measure.TARGET;
                }
                return Measure.ACTUAL;
            }
            if (f.inTable()) {
                Measure m = tableMeasure(f, entity);
                if (m != null) {
                    return m;
                }
            }
            if (entity.type() == Type.KEY_EVALUATION_TYPE || entity.type() == Type.DISTRICT) {
                return entity.defaultMeasure();
            }
            if (entity.type() == Type.KEY_EVALUATIONS) {
                if (f.after().startsWith("项目类型")) {
                    return Measure.COUNT;
                }
                int total = where.lastIndexOf("共计");
                if (f.kind() == Kind.COUNT && total >= 0 && where.length() - total <= 4) {
                    return Measure.PROJECTS_COVERED;
                }
            }
            int from = 0;
            if (aliasEnd > 0) {
                String head = where.substring(0, aliasEnd);
                from = Math.max(Math.max(head.lastIndexOf('，'), head.lastIndexOf('；')),
                        Math.max(head.lastIndexOf('。'), head.lastIndexOf('｜'))) + 1;
            }
            Measure word = measureWord(where, from);
            if (word != null) {
                return word;
            }
            return entity.defaultMeasure();
        }

        private static Measure measureWord(String where, int from) {
            Measure best = null;
            int bestEnd = -1;
            int bestLength = 0;
            for (Map.Entry<String, Measure> w : MEASURE_WORDS) {
                int at = where.lastIndexOf(w.getKey());
                if (at < from) {
                    continue;
                }
                int end = at + w.getKey().length();
                if (end > bestEnd || end == bestEnd && w.getKey().length() > bestLength) {
                    best = w.getValue();
                    bestEnd = end;
                    bestLength = w.getKey().length();
                }
            }
            return best;
        }

        /** A table cell's measure: its column (年初预算数, 2023年决算数 …) read together with its row. */
        private Measure tableMeasure(Figure f, Entity entity) {
            String column = f.column();
            String row = f.row() == null ? "" : f.row();
            String year = Integer.toString(records.year());
            String lastYear = Integer.toString(records.year() - 1);
            Measure rowWord = measureWord(row, 0);
            Measure columnWord = measureWord(column, 0);
            if (columnWord != null && SPECIFIC_COLUMNS.contains(columnWord)) {
                return columnWord;
            }
            if (column.contains(lastYear) && !column.contains(year)) {
                return Measure.LAST_YEAR;
            }
            boolean budgetColumn = column.contains("预算数");
            boolean finalColumn = column.contains("决算数");
            if (!budgetColumn && !finalColumn) {
                return columnWord;
            }
            return switch (entity.type()) {
                case UNIT -> {
                    if (rowWord == null || rowWord == Measure.BUDGET || rowWord == Measure.SPENT) {
                        yield null;
                    }
                    if (rowWord == Measure.PROJECT_SPENT) {
                        yield budgetColumn ? Measure.PROJECT_INITIAL : Measure.PROJECT_SPENT;
                    }
                    yield budgetColumn ? Measure.BUDGET : rowWord;
                }
                case PROJECT -> budgetColumn ? Measure.INITIAL : Measure.SPENT;
                default -> budgetColumn ? Measure.BUDGET : Measure.SPENT;
            };
        }

        private static Fact fact(Entity entity, Measure measure) {
            Fact f = entity.facts().get(measure);
            if (f != null) {
                return f;
            }
            if (entity.type() == Type.UNIT && measure == Measure.SPENT) {
                return entity.facts().get(Measure.EXECUTED);
            }
            if (entity.type() == Type.PROJECT && measure == Measure.EXECUTED) {
                return entity.facts().get(Measure.SPENT);
            }
            if (entity.type() == Type.THREE_PUBLIC && (measure == Measure.EXECUTED || measure == Measure.FULL_YEAR)) {
                return entity.facts().get(measure == Measure.EXECUTED ? Measure.SPENT : Measure.BUDGET);
            }
            return null;
        }

        // ------------------------------------------------------------------ against the records

        private void recordVerdict(int i) {
            Figure f = draft.figure(i);
            Resolution r = resolved[i];
            if (r == null) {
                verdicts[i] = Verdict.UNVERIFIABLE;
                reasons[i] = "无法确定该数字所指的记录";
                return;
            }
            if (r.fact() == null) {
                verdicts[i] = Verdict.UNVERIFIABLE;
                reasons[i] = r.missing() + "，未作核对";
                return;
            }
            compare(i, f, r.fact());
        }

        private void compare(int i, Figure f, Fact fact) {
            BigDecimal expected = expectedValue(f, fact);
            if (f.value().compareTo(expected) == 0) {
                verdicts[i] = Verdict.CONSISTENT;
                reasons[i] = "与记录一致：" + fact.label() + "为" + show(expected, f) + "（按文中精度）";
            } else {
                verdicts[i] = Verdict.CONTRADICTED;
                reasons[i] = "与记录不符：文中为" + show(f.value(), f) + "，记录中" + fact.label() + "为"
                        + show(expected, f) + exactIfRounded(fact, f, expected) + "，相差"
                        + show(f.value().subtract(expected).abs(), f);
            }
        }

        /** The record's own figure when rounding to the sentence's precision changed it ("（记录值97.3%）"). */
        private static String exactIfRounded(Fact fact, Figure f, BigDecimal rounded) {
            BigDecimal exact = f.kind() == Kind.MONEY
                    ? fact.value().divide(Units.yuanPer(f.unit()), 8, RoundingMode.HALF_UP) : fact.value();
            exact = exact.setScale(Math.max(2, f.scale()), RoundingMode.HALF_UP);
            return exact.compareTo(rounded) == 0 ? "" : "（记录值" + Units.plain(exact) + f.unit() + "）";
        }

        /** A value (yuan for money) written in the figure's unit at the figure's number of decimals, HALF_UP. */
        private static BigDecimal atPrecisionOf(BigDecimal value, Figure f) {
            if (f.kind() == Kind.MONEY) {
                return Units.inUnit(value, f.unit(), f.scale());
            }
            return value.setScale(f.scale(), RoundingMode.HALF_UP);
        }

        private static BigDecimal expectedValue(Figure f, Fact fact) {
            if (f.kind() == Kind.MONEY) {
                return Units.inUnit(fact.value(), f.unit(), f.scale());
            }
            return fact.value().setScale(f.scale(), RoundingMode.HALF_UP);
        }

        private static String show(BigDecimal v, Figure f) {
            return v.setScale(f.scale(), RoundingMode.HALF_UP).toPlainString() + f.unit();
        }

        // ------------------------------------------------------------------ comparisons

        private void comparison(Comparison c) {
            Figure current = c.current() >= 0 ? draft.figure(c.current()) : null;
            Figure base = c.base() >= 0 ? draft.figure(c.base()) : null;
            Figure delta = c.delta() >= 0 ? draft.figure(c.delta()) : null;
            Figure pct = c.percent() >= 0 ? draft.figure(c.percent()) : null;
            int carrier = c.delta() >= 0 ? c.delta() : c.percent() >= 0 ? c.percent() : c.base();
            if (carrier < 0) {
                return;
            }
            if (carrier == c.delta()) {
                kinds[carrier] = "CHANGE";
                words[carrier] = c.word();
                claimStart[carrier] = c.wordStart();
            } else if (carrier == c.percent()) {
                words[carrier] = c.percentWord() != null ? c.percentWord() : c.word();
                if (c.percentWord() == null && c.delta() < 0) {
                    claimStart[carrier] = c.wordStart();
                    kinds[carrier] = "CHANGE";
                }
            }
            bases[carrier] = c.basis().name();
            if (pct != null && c.percentWord() != null) {
                words[c.percent()] = c.percentWord();
            }
            int sign = sign(c.word());
            Resolution cur = current == null ? null : resolved[c.current()];
            Entity entity = cur == null ? null : cur.entity();
            // the base against the records
            if (base != null) {
                Measure m = c.basis() == Basis.BUDGET ? Measure.BUDGET : c.basis() == Basis.LAST_YEAR
                        ? Measure.LAST_YEAR : null;
                Fact baseFact = entity == null || m == null ? null : fact(entity, m);
                if (baseFact != null && baseFact.kind() == base.kind()) {
                    resolved[c.base()] = new Resolution(entity, m, baseFact, null);
                    compare(c.base(), base, baseFact);
                } else {
                    verdicts[c.base()] = Verdict.UNVERIFIABLE;
                    reasons[c.base()] = (entity == null ? "找不到比较对象的记录" : "记录中没有" + entity.name() + "的"
                            + (m == null ? "比较基数" : MEASURE_NAMES.get(m))) + "，未作核对";
                }
            }
            // the direction word and the amount against the draft's own figures
            if (current != null && base != null && current.kind() == base.kind() && current.kind() == Kind.MONEY
                    && !current.approximate() && !base.approximate()) {
                BigDecimal diff = current.yuan().subtract(base.yuan());
                int actualSign = diff.signum();
                if (sign != actualSign) {
                    inconsistencies.get(carrier).add("方向词“" + c.word() + "”与数字矛盾：" + current.text() + "比"
                            + base.text() + (actualSign > 0 ? "多" : actualSign < 0 ? "少" : "相等")
                            + "，应为“" + word(actualSign, c.basis()) + "”");
                }
                if (delta != null && delta.kind() == Kind.MONEY) {
                    // a reader's arithmetic: the stated figures' difference, at the precision the amount is written
                    if (atPrecisionOf(diff.abs(), delta).compareTo(delta.value()) != 0) {
                        inconsistencies.get(c.delta()).add((c.basis() == Basis.BUDGET && sign < 0
                                ? "节约额应为预算数减支出数：" : "变动额应为两数之差：") + base.text() + "与"
                                + current.text() + "相差" + inUnit(diff.abs(), delta) + "，文中为" + delta.text());
                    }
                }
                if (pct != null) {
                    percentCheck(c, pct, diff.abs(), base.yuan(), current.yuan(), delta);
                }
            } else if (current != null && delta != null && pct != null && current.kind() == Kind.MONEY
                    && delta.kind() == Kind.MONEY && sign != 0) {
                BigDecimal baseYuan = current.yuan().subtract(delta.yuan().multiply(BigDecimal.valueOf(sign)));
                percentCheck(c, pct, delta.yuan(), baseYuan, current.yuan(), delta);
            }
            if (pct != null && c.percentWord() != null && sign(c.percentWord()) != sign && sign != 0) {
                inconsistencies.get(c.percent()).add("方向词自相矛盾：金额为“" + c.word() + "”，百分比却为“"
                        + c.percentWord() + "”");
            }
            // the change against the records, when the draft does not state the base
            if (delta != null && verdicts[c.delta()] == null) {
                changeAgainstRecords(c, delta, entity, sign);
            }
            if (pct != null && verdicts[c.percent()] == null) {
                percentAgainstRecords(c, pct, entity, sign);
            }
        }

        private void percentCheck(Comparison c, Figure pct, BigDecimal amount, BigDecimal baseYuan,
                                  BigDecimal currentYuan, Figure delta) {
            if (pct.kind() != Kind.PERCENT || baseYuan.signum() == 0) {
                return;
            }
            BigDecimal expected = amount.multiply(BigDecimal.valueOf(100)).divide(baseYuan.abs(), 6, RoundingMode.HALF_UP);
            // a reader's arithmetic: amount ÷ base from the stated figures, at the percentage's precision
            if (atPrecisionOf(expected, pct).compareTo(pct.value()) != 0) {
                String reason = "百分比与金额不符：" + inUnit(amount, delta == null ? pct : delta) + "÷"
                        + "基数" + plainYuan(baseYuan, delta) + "=" + expected.setScale(2, RoundingMode.HALF_UP)
                        .toPlainString() + "%，文中为" + pct.text();
                if (currentYuan.signum() != 0) {
                    BigDecimal wrong = amount.multiply(BigDecimal.valueOf(100)).divide(currentYuan.abs(), 6,
                            RoundingMode.HALF_UP);
                    if (atPrecisionOf(wrong, pct).compareTo(pct.value()) == 0) {
                        reason = "百分比的基数用错：文中" + pct.text() + "是以本年数为基数算的，应以"
                                + (c.basis() == Basis.BUDGET ? "预算数" : "上年数") + "为基数："
                                + expected.setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
                    }
                }
                inconsistencies.get(c.percent()).add(reason);
            }
        }

        private void changeAgainstRecords(Comparison c, Figure delta, Entity entity, int sign) {
            if (entity == null) {
                verdicts[c.delta()] = Verdict.UNVERIFIABLE;
                reasons[c.delta()] = "找不到比较对象的记录，未作核对";
                return;
            }
            Fact now = fact(entity, resolved[c.current()].measure() == null ? Measure.SPENT
                    : resolved[c.current()].measure());
            Fact then = c.basis() == Basis.BUDGET ? fact(entity, Measure.BUDGET)
                    : c.basis() == Basis.LAST_YEAR ? fact(entity, Measure.LAST_YEAR) : null;
            if (now == null || then == null || now.kind() != Kind.MONEY || then.kind() != Kind.MONEY
                    || delta.kind() != Kind.MONEY) {
                verdicts[c.delta()] = Verdict.UNVERIFIABLE;
                reasons[c.delta()] = "记录中没有" + entity.name() + "的" + (c.basis() == Basis.BUDGET ? "预算数"
                        : c.basis() == Basis.LAST_YEAR ? "上年数" : "比较基数") + "，未作核对";
                return;
            }
            BigDecimal diff = now.value().subtract(then.value());
            BigDecimal expected = Units.inUnit(diff.abs(), delta.unit(), delta.scale());
            int recordSign = expected.signum() == 0 ? 0 : diff.signum();
            resolved[c.delta()] = new Resolution(entity, Measure.SAVED,
                    new Fact(then.label() + "与" + now.label() + "之差", Kind.MONEY, diff.abs(), "元",
                            then.field() + " − " + now.field(),
                            NarrativeRecords.Behind.merge(then.behind(), now.behind())), null);
            if (recordSign != sign) {
                verdicts[c.delta()] = Verdict.CONTRADICTED;
                reasons[c.delta()] = "与记录不符：记录中" + now.label() + "较" + then.label() + "应为“"
                        + word(recordSign, c.basis()) + "”" + expected.toPlainString() + delta.unit() + "，文中为“"
                        + c.word() + "”";
            } else if (expected.compareTo(delta.value()) != 0) {
                verdicts[c.delta()] = Verdict.CONTRADICTED;
                reasons[c.delta()] = "与记录不符：记录中差额为" + expected.toPlainString() + delta.unit() + "，文中为"
                        + delta.text();
            } else {
                verdicts[c.delta()] = Verdict.CONSISTENT;
                reasons[c.delta()] = "与记录一致：" + then.label() + "与" + now.label() + "相差"
                        + expected.toPlainString() + delta.unit() + "，方向“" + c.word() + "”正确";
            }
        }

        private void percentAgainstRecords(Comparison c, Figure pct, Entity entity, int sign) {
            Fact now = entity == null ? null : fact(entity, resolved[c.current()].measure() == null ? Measure.SPENT
                    : resolved[c.current()].measure());
            Fact then = entity == null ? null : c.basis() == Basis.BUDGET ? fact(entity, Measure.BUDGET)
                    : c.basis() == Basis.LAST_YEAR ? fact(entity, Measure.LAST_YEAR) : null;
            if (now == null || then == null || then.value().signum() == 0 || pct.kind() != Kind.PERCENT) {
                verdicts[c.percent()] = Verdict.UNVERIFIABLE;
                reasons[c.percent()] = "记录中没有可计算该百分比的基数，未作核对";
                return;
            }
            BigDecimal expected = now.value().subtract(then.value()).abs().multiply(BigDecimal.valueOf(100))
                    .divide(then.value().abs(), pct.scale(), RoundingMode.HALF_UP);
            if (expected.compareTo(pct.value()) == 0) {
                verdicts[c.percent()] = Verdict.CONSISTENT;
                reasons[c.percent()] = "与记录一致：(" + now.label() + "−" + then.label() + ")÷" + then.label() + "="
                        + expected.toPlainString() + "%";
            } else {
                verdicts[c.percent()] = Verdict.CONTRADICTED;
                reasons[c.percent()] = "与记录不符：记录计算为" + expected.toPlainString() + "%，文中为" + pct.text();
            }
        }

        private static int sign(String word) {
            return switch (word) {
                case "增加", "增长", "上升", "超支" -> 1;
                case "减少", "下降", "节约" -> -1;
                default -> 0;
            };
        }

        private static String word(int sign, Basis basis) {
            if (sign == 0) {
                return "持平";
            }
            if (basis == Basis.BUDGET) {
                return sign > 0 ? "超支" : "节约";
            }
            return sign > 0 ? "增加" : "减少";
        }

        private static String inUnit(BigDecimal yuan, Figure f) {
            if (f.kind() != Kind.MONEY) {
                return yuan.stripTrailingZeros().toPlainString();
            }
            return Units.plain(Units.inUnit(yuan, f.unit(), Math.max(2, f.scale()))) + f.unit();
        }

        private static String plainYuan(BigDecimal yuan, Figure like) {
            if (like == null || like.kind() != Kind.MONEY) {
                return Units.plain(yuan.divide(Units.WAN, 2, RoundingMode.HALF_UP)) + "万元";
            }
            return inUnit(yuan, like);
        }

        // ------------------------------------------------------------------ breakdowns

        private void breakdown(Breakdown b) {
            Figure total = draft.figure(b.total());
            List<String> partTexts = new ArrayList<>();
            BigDecimal sum = BigDecimal.ZERO;
            for (int p : b.parts()) {
                Figure f = draft.figure(p);
                partTexts.add(f.text());
                sum = sum.add(total.kind() == Kind.MONEY ? f.yuan() : f.value());
            }
            if (b.column() == null || b.complete()) {
                kinds[b.total()] = "TOTAL";
                parts.set(b.total(), List.copyOf(partTexts));
            }
            BigDecimal stated = total.kind() == Kind.MONEY ? total.yuan() : total.value();
            BigDecimal gap = stated.subtract(sum);
            String where = b.column() == null ? "" : "（" + b.column() + "列）";
            if (b.complete() && atPrecisionOf(sum, total).compareTo(total.value()) != 0) {
                inconsistencies.get(b.total()).add("各分项之和与合计不符" + where + "：" + String.join("+", partTexts)
                        + "=" + inUnit(sum, total) + "，文中合计为" + total.text() + "，相差"
                        + inUnit(gap.abs(), total));
            } else if (!b.complete() && gap.signum() < 0) {
                inconsistencies.get(b.total()).add("“其中”各项之和超过总数" + where + "：" + String.join("+", partTexts)
                        + "=" + inUnit(sum, total) + "，大于" + total.text());
            }
        }

        // ------------------------------------------------------------------ the same figure stated twice

        private void statedTwice() {
            Map<String, List<Integer>> byFact = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                Resolution r = resolved[i];
                if (r != null && r.fact() != null && r.entity() != null && !deltaOf.containsKey(i)) {
                    byFact.computeIfAbsent(r.entity().id() + "|" + r.measure(), k -> new ArrayList<>()).add(i);
                }
            }
            // each statement against one reference (the first that agrees with the records, else the first): a
            // draft repeating a figure many times costs one comparison per repeat
            for (List<Integer> same : byFact.values()) {
                List<Integer> plain = same.stream().filter(i -> draft.figure(i).comparator() == null).toList();
                if (plain.size() < 2) {
                    continue;
                }
                int reference = plain.stream().filter(i -> verdicts[i] == Verdict.CONSISTENT).findFirst()
                        .orElse(plain.get(0));
                Figure ref = draft.figure(reference);
                for (int odd : plain) {
                    if (odd == reference) {
                        continue;
                    }
                    Figure f = draft.figure(odd);
                    Figure coarser = ref.halfUlp().compareTo(f.halfUlp()) >= 0 ? ref : f;
                    Figure finer = coarser == ref ? f : ref;
                    BigDecimal fine = finer.kind() == Kind.MONEY ? finer.yuan() : finer.value();
                    if (atPrecisionOf(fine, coarser).compareTo(coarser.value()) == 0) {
                        continue;
                    }
                    inconsistencies.get(odd).add("同一数字前后不一：" + describe(reference) + "为" + ref.text()
                            + "，此处为" + f.text() + (resolved[odd].fact() != null ? "；记录中"
                            + resolved[odd].fact().label() + "为" + show(expectedValue(f, resolved[odd].fact()), f)
                            : ""));
                }
            }
        }

        private String describe(int i) {
            Figure f = draft.figure(i);
            if (f.inTable()) {
                return "表中“" + f.row() + "”" + (f.column().isEmpty() ? "" : "的“" + f.column() + "”");
            }
            String s = draft.sentenceText(f.sentence()).strip();
            return "正文“" + (s.length() > 24 ? s.substring(0, 24) + "…" : s) + "”";
        }

        // ------------------------------------------------------------------ the claim

        private Claim claim(int i) {
            Figure f = draft.figure(i);
            Verdict verdict = verdicts[i];
            String reason = reasons[i];
            if (!inconsistencies.get(i).isEmpty()) {
                verdict = Verdict.INCONSISTENT;
                reason = "自相矛盾：" + String.join("；", inconsistencies.get(i))
                        + (verdicts[i] == Verdict.CONTRADICTED ? "；另，" + reasons[i] : "");
            }
            Resolution r = resolved[i];
            Expected expected = null;
            if (r != null && r.fact() != null) {
                Fact fact = r.fact();
                String value = f.kind() == Kind.MONEY || f.kind() == fact.kind()
                        ? expectedValue(f, fact).toPlainString() : fact.value().toPlainString();
                String exact = fact.kind() == Kind.MONEY ? fact.value().divide(Units.WAN, 6, RoundingMode.HALF_UP)
                        .setScale(2, RoundingMode.HALF_UP).toPlainString() + "万元" : fact.value().toPlainString()
                        + fact.unit();
                expected = new Expected(fact.label(), value, f.unit(), exact, fact.field(), fact.events(),
                        fact.eventCount());
            }
            int start = claimStart[i];
            Draft.Sentence s = draft.sentences().get(f.sentence());
            return new Claim(i, kinds[i], f.sentence(), draft.text().substring(s.start(), s.end()), f.row(),
                    f.column(), start, f.end(), draft.text().substring(start, f.end()), Units.plain(f.value())
                    .equals("0") ? "0" : f.value().toPlainString(), f.unit(), f.comparator(), words[i], bases[i],
                    parts.get(i), expected, verdict, reason);
        }
    }
}
