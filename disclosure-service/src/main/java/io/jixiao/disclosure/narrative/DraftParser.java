package io.jixiao.disclosure.narrative;

import io.jixiao.disclosure.narrative.Draft.Basis;
import io.jixiao.disclosure.narrative.Draft.Breakdown;
import io.jixiao.disclosure.narrative.Draft.Comparison;
import io.jixiao.disclosure.narrative.Draft.Sentence;
import io.jixiao.disclosure.narrative.Figure.Kind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the numeric claims of a draft: pure, no I/O. Prose is cut into sentences at 。！？ and line ends; a line
 * that starts with a tab is a table cell (the form a Word table takes as text: one cell a line, rows separated by an
 * empty line). Full-width digits, 。-free decimals and 全角 signs are read as their ASCII forms; the offsets stay
 * those of the text given.
 */
public final class DraftParser {
    private static final String UNIT = "亿元|万元|元|个百分点|百分点|%|个|家|项|人|次";
    /** A number with its unit; the look-behind keeps years, document numbers and decimals' tails out. */
    private static final Pattern NUMBER = Pattern.compile(
            "(?<pre>不少于|不低于|不超过|不高于|超过|约|近|逾|≥|≤|>|<)?(?<![\\d.A-Za-z])(?<num>(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?)"
                    + "(?<approx>多|余)?\\s?(?<unit>" + UNIT + ")(?<post>以上|以下|左右|多)?");
    private static final Pattern CHINESE_COUNT = Pattern.compile(
            "(?<![一二三四五六七八九十两第])(?<num>[一二三四五六七八九十两]{1,3})(?<unit>个|家|项)(?!月|方面|环节)");
    private static final Pattern BARE = Pattern.compile("^\\s*(?<pre>≥|≤|>|<)?\\s*(?<num>(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?)\\s*$");
    /** A cell that is only a figure ("≥54人", "36", "125万元", "100%"). */
    private static final Pattern PURE = Pattern.compile(
            "^\\s*(≥|≤|>|<)?\\s*(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?\\s*(?:" + UNIT + ")?\\s*$");
    private static final Pattern LABELLED = Pattern.compile("[：:]\\s*(?<num>(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?)\\s*$");
    private static final Pattern COMPARISON = Pattern.compile(
            "(?<cmp>同比|较|比|与)(?<basekw>[^，。；,;\\d]{0,14}?)(?<base>[\\d,.]+\\s?(?:亿元|万元|元|个|人|项|家|次))?"
                    + "(?<word>增加|减少|增长|下降|上升|节约|超支|持平)(?<delta>[\\d,.]+\\s?(?:" + UNIT + "))?"
                    + "(?:[，,]?(?<pword>增长|下降|上升|减少|增加)?(?<pct>[\\d,.]+\\s?(?:%|个百分点|百分点)))?");
    private static final Pattern TABLE_UNIT = Pattern.compile("[（(](万元|元|亿元|人|个)[）)]");
    private static final Pattern NUMBERED = Pattern.compile("^\\s*\\d{1,2}\\s*[、.．]");
    private static final Pattern PART_STOP = Pattern.compile("共计|合计|总计|共涉及|共有");

    /** The words read before a figure: a sentence without punctuation can run for pages. */
    static final int MAX_CONTEXT = 300;

    private DraftParser() {
    }

    /** Same-length normal form: 全角 digits and signs to ASCII, 全角 space to space. */
    public static String normalize(String text) {
        char[] out = text.toCharArray();
        for (int i = 0; i < out.length; i++) {
            char c = out[i];
            if (c >= '０' && c <= '９') {
                out[i] = (char) ('0' + (c - '０'));
            } else if (c == '．') {
                out[i] = '.';
            } else if (c == '％' || c == '﹪') {
                out[i] = '%';
            } else if (c == '～') {
                out[i] = '~';
            } else if (c == '－' || c == '—' && i + 1 < out.length && Character.isDigit(out[i + 1])) {
                out[i] = '-';
            } else if (c == '＞') {
                out[i] = '>';
            } else if (c == '＜') {
                out[i] = '<';
            } else if (c == '\u3000' || c == '\u00a0') {
                out[i] = ' ';
            } else if (c == '\r') {
                out[i] = '\n';
            }
        }
        return new String(out);
    }

    public static Draft parse(String text) {
        return new Builder(text).build();
    }

    private static final class Builder {
        private final String text;
        private final String norm;
        private final List<Sentence> sentences = new ArrayList<>();
        private final List<Figure> figures = new ArrayList<>();
        private final List<Comparison> comparisons = new ArrayList<>();
        private final List<Breakdown> breakdowns = new ArrayList<>();
        private final Set<Integer> inComparison = new HashSet<>();
        // table state
        private List<Cell> row = new ArrayList<>();
        private List<String> header = List.of();
        private String headerUnit;
        private String pendingUnit;
        private final List<TableRow> rows = new ArrayList<>();

        Builder(String text) {
            this.text = text;
            this.norm = normalize(text);
        }

        Draft build() {
            int pos = 0;
            int previousSentenceOfLine = -1;
            while (pos <= norm.length()) {
                int nl = norm.indexOf('\n', pos);
                int lineEnd = nl < 0 ? norm.length() : nl;
                String line = norm.substring(pos, lineEnd);
                if (line.startsWith("\t")) {
                    row.add(new Cell(pos + 1, lineEnd, line.substring(1)));
                } else if (line.isBlank()) {
                    endRow();
                } else {
                    endRow();
                    endTable();
                    Matcher unit = TABLE_UNIT.matcher(line);
                    if (line.length() <= 12 && unit.find()) {
                        pendingUnit = unit.group(1);
                    }
                    previousSentenceOfLine = -1;
                    int s = pos;
                    for (int i = pos; i <= lineEnd; i++) {
                        if (i == lineEnd || "。！？!?".indexOf(norm.charAt(i)) >= 0) {
                            int e = i == lineEnd ? i : i + 1;
                            if (e > s && !norm.substring(s, e).isBlank()) {
                                previousSentenceOfLine = prose(s, e, previousSentenceOfLine);
                            }
                            s = e;
                        }
                    }
                }
                if (nl < 0) {
                    break;
                }
                pos = nl + 1;
            }
            endRow();
            endTable();
            return new Draft(text, norm, List.copyOf(sentences), List.copyOf(figures), List.copyOf(comparisons),
                    List.copyOf(breakdowns));
        }

        // ------------------------------------------------------------------ prose

        /** Parses one prose sentence; returns its index. */
        private int prose(int start, int end, int previousSentence) {
            int index = sentences.size();
            sentences.add(new Sentence(index, start, end, false));
            int first = figures.size();
            figuresIn(index, start, end, null, null, null);
            int last = figures.size();
            comparisonsIn(start, end, first, last);
            breakdownsIn(start, end, first, last, previousSentence);
            return index;
        }

        private void figuresIn(int sentence, int start, int end, String column, String row, String defaultUnit) {
            String s = norm.substring(start, end);
            int firstOfSentence = figures.size();
            Matcher m = NUMBER.matcher(s);
            List<int[]> taken = new ArrayList<>();
            while (m.find()) {
                int numStart = m.start("num");
                if (numStart > 0 && s.charAt(numStart - 1) == '第') {
                    continue;
                }
                String unit = m.group("unit");
                int unitEnd = m.end("unit");
                if (unit.equals("个") && unitEnd < s.length() && s.charAt(unitEnd) == '月') {
                    continue;
                }
                String pre = m.group("pre");
                String comparator = pre == null ? null : switch (pre) {
                    case "≥", "不少于", "不低于" -> "≥";
                    case "≤", "不超过", "不高于" -> "≤";
                    case ">", "超过", "逾" -> ">";
                    case "<" -> "<";
                    default -> null;
                };
                boolean approximate = m.group("approx") != null || m.group("post") != null
                        || "约".equals(pre) || "近".equals(pre);
                boolean range = isRange(s, numStart, unitEnd);
                int figStart = pre != null && comparator != null ? m.start("pre") : numStart;
                int figEnd = m.group("post") != null ? m.end("post") : unitEnd;
                String after = s.substring(figEnd, Math.min(s.length(), figEnd + 4)).replaceAll("[，。；、,;：:（(].*", "");
                add(sentence, start + figStart, start + figEnd, m.group("num"), unit, context(s, numStart, pre, m),
                        after, comparator, approximate, range, column, row);
                taken.add(new int[]{figStart, figEnd});
            }
            Matcher c = CHINESE_COUNT.matcher(s);
            while (c.find()) {
                int value = chineseNumber(c.group("num"));
                if (value <= 0) {
                    continue;
                }
                int figEnd = c.end("unit");
                String after = s.substring(figEnd, Math.min(s.length(), figEnd + 4)).replaceAll("[，。；、,;：:（(].*", "");
                if (after.isEmpty() || after.startsWith("规定")) {
                    continue;
                }
                add(sentence, start + c.start(), start + figEnd, Integer.toString(value), c.group("unit"),
                        s.substring(Math.max(0, c.start() - MAX_CONTEXT), c.start()), after, null, false, false, column,
                        row);
            }
            if (defaultUnit != null && taken.isEmpty() && s.length() <= MAX_CONTEXT) {
                Matcher bare = BARE.matcher(s);
                Matcher labelled = LABELLED.matcher(s);
                if (bare.matches()) {
                    String pre = bare.group("pre");
                    add(sentence, start + (pre != null ? bare.start("pre") : bare.start("num")), start + bare.end("num"),
                            bare.group("num"), defaultUnit, "", "", pre, false, false, column, row);
                } else if (labelled.find()) {
                    add(sentence, start + labelled.start("num"), start + labelled.end("num"), labelled.group("num"),
                            defaultUnit, s.substring(0, labelled.start()), "", null, false, false, column, row);
                }
            }
            figures.subList(Math.max(0, firstOfSentence), figures.size())
                    .sort((a, b) -> Integer.compare(a.start(), b.start()));
            renumber(firstOfSentence);
        }

        private void renumber(int from) {
            for (int i = from; i < figures.size(); i++) {
                Figure f = figures.get(i);
                if (f.id() != i) {
                    figures.set(i, new Figure(i, f.sentence(), f.start(), f.end(), f.text(), f.kind(), f.value(),
                            f.scale(), f.unit(), f.context(), f.after(), f.comparator(), f.approximate(), f.range(),
                            f.column(), f.row()));
                }
            }
        }

        private static String context(String s, int numStart, String pre, Matcher m) {
            int to = pre != null ? m.start("pre") : numStart;
            return s.substring(Math.max(0, to - MAX_CONTEXT), to);
        }

        private static boolean isRange(String s, int numStart, int unitEnd) {
            int i = numStart - 1;
            if (i >= 1 && "-~至到".indexOf(s.charAt(i)) >= 0 && (Character.isDigit(s.charAt(i - 1))
                    || s.charAt(i - 1) == '%' || s.charAt(i - 1) == '元')) {
                return true;
            }
            return unitEnd + 1 < s.length() && "-~至到".indexOf(s.charAt(unitEnd)) >= 0
                    && Character.isDigit(s.charAt(unitEnd + 1));
        }

        private void add(int sentence, int start, int end, String number, String unit, String context, String after,
                         String comparator, boolean approximate, boolean range, String column, String row) {
            BigDecimal value = new BigDecimal(number.replace(",", ""));
            Kind kind = Units.isMoney(unit) ? Kind.MONEY : unit.equals("%") ? Kind.PERCENT
                    : unit.endsWith("百分点") ? Kind.POINTS : Kind.COUNT;
            figures.add(new Figure(figures.size(), sentence, start, end, text.substring(start, end), kind, value,
                    Math.max(0, value.scale()), unit, context, after, comparator, approximate, range, column, row));
        }

        private void comparisonsIn(int start, int end, int first, int last) {
            String s = norm.substring(start, end);
            Matcher m = COMPARISON.matcher(s);
            while (m.find()) {
                int base = figureAt(start + m.start("base"), m.group("base"), first, last);
                int delta = figureAt(start + m.start("delta"), m.group("delta"), first, last);
                int pct = figureAt(start + m.start("pct"), m.group("pct"), first, last);
                if (delta >= 0 && figures.get(delta).kind() != Kind.MONEY && figures.get(delta).kind() != Kind.COUNT
                        && pct < 0) {
                    pct = delta;
                    delta = -1;
                }
                int current = -1;
                for (int i = last - 1; i >= first; i--) {
                    Figure f = figures.get(i);
                    if (f.end() <= start + m.start() && !inComparison.contains(i)) {
                        current = i;
                        break;
                    }
                }
                String basekw = m.group("basekw") == null ? "" : m.group("basekw");
                Basis basis = basekw.contains("预算") ? Basis.BUDGET
                        : m.group("cmp").equals("同比") || basekw.matches(".*(上年|去年|上一年|同期|上年度).*")
                        ? Basis.LAST_YEAR : Basis.UNSTATED;
                for (int id : new int[]{base, delta, pct}) {
                    if (id >= 0) {
                        inComparison.add(id);
                    }
                }
                comparisons.add(new Comparison(current, base, basis, m.group("word"), start + m.start("word"),
                        start + m.end("word"), delta, m.group("pword"), pct));
            }
        }

        private int figureAt(int offset, String group, int first, int last) {
            if (group == null) {
                return -1;
            }
            for (int i = first; i < last; i++) {
                Figure f = figures.get(i);
                if (f.start() <= offset && offset < f.end()) {
                    return i;
                }
            }
            return -1;
        }

        private void breakdownsIn(int start, int end, int first, int last, int previousSentence) {
            String s = norm.substring(start, end);
            List<Integer> marks = new ArrayList<>();
            for (int i = s.indexOf("其中"); i >= 0; i = s.indexOf("其中", i + 2)) {
                marks.add(start + i);
            }
            for (int k = 0; k < marks.size(); k++) {
                int mark = marks.get(k);
                int limit = k + 1 < marks.size() ? marks.get(k + 1) : end;
                Matcher stop = PART_STOP.matcher(norm.substring(mark, limit));
                if (stop.find()) {
                    limit = mark + stop.start();
                }
                int total = -1;
                for (int i = last - 1; i >= first; i--) {
                    Figure f = figures.get(i);
                    if (f.end() <= mark && eligible(i)) {
                        total = i;
                        break;
                    }
                }
                if (total < 0 && previousSentence >= 0 && norm.substring(start, mark).replaceAll("[\\s：:，,]", "")
                        .isEmpty()) {
                    for (int i = first - 1; i >= 0 && figures.get(i).sentence() == previousSentence; i--) {
                        if (eligible(i)) {
                            total = i;
                            break;
                        }
                    }
                }
                if (total < 0) {
                    continue;
                }
                Figure t = figures.get(total);
                List<Integer> parts = new ArrayList<>();
                for (int i = first; i < last; i++) {
                    Figure f = figures.get(i);
                    if (f.start() > mark && f.end() <= limit && eligible(i) && f.kind() == t.kind()
                            && (t.kind() == Kind.MONEY || f.unit().equals(t.unit()))) {
                        parts.add(i);
                    }
                }
                if (!parts.isEmpty()) {
                    breakdowns.add(new Breakdown(total, List.copyOf(parts), parts.size() >= 2, null));
                }
            }
        }

        private boolean eligible(int id) {
            Figure f = figures.get(id);
            return !inComparison.contains(id) && (f.kind() == Kind.MONEY || f.kind() == Kind.COUNT)
                    && !f.approximate() && !f.range() && f.comparator() == null;
        }

        // ------------------------------------------------------------------ tables

        private record Cell(int start, int end, String text) {
        }

        private record TableRow(String label, int indent, List<Integer> figures, boolean numbered, boolean whereof) {
        }

        private void endRow() {
            if (row.isEmpty()) {
                return;
            }
            List<Cell> cells = row;
            row = new ArrayList<>();
            boolean anyNumber = false;
            int nonEmpty = 0;
            boolean digitLed = false;
            for (Cell c : cells) {
                if (!c.text().isBlank()) {
                    nonEmpty++;
                }
                if (NUMBERED.matcher(c.text()).find()) {
                    digitLed = true;
                }
                if (BARE.matcher(c.text()).matches() || NUMBER.matcher(c.text()).find()) {
                    anyNumber = true;
                }
            }
            if (!anyNumber) {
                if (nonEmpty >= 2 && !digitLed) {
                    header = cells.stream().map(c -> c.text().trim()).toList();
                    headerUnit = null;
                    for (String h : header) {
                        Matcher u = TABLE_UNIT.matcher(h);
                        if (u.find() && headerUnit == null) {
                            headerUnit = u.group(1);
                        }
                    }
                    if (headerUnit == null && pendingUnit != null) {
                        headerUnit = pendingUnit;
                    }
                    pendingUnit = null;
                }
                return;
            }
            String label = "";
            int labelIndent = 0;
            boolean pureSeen = false;
            for (Cell c : cells) {
                String t = c.text();
                if (PURE.matcher(t).matches() || t.strip().equals("——")) {
                    pureSeen = true;
                    break;
                }
                if (!t.isBlank()) {
                    label = t.trim();
                    labelIndent = t.length() - t.stripLeading().length();
                }
            }
            if (!pureSeen) {
                label = "";
            }
            List<Integer> ids = new ArrayList<>();
            for (int i = 0; i < cells.size(); i++) {
                Cell c = cells.get(i);
                int fromRight = cells.size() - 1 - i;
                int h = header.size() - 1 - fromRight;
                String column = h >= 0 && h < header.size() ? header.get(h) : "";
                if (column.matches(".*(分值|得分).*") || c.text().isBlank()) {
                    continue;
                }
                String unit = headerUnit;
                Matcher own = Pattern.compile("[（(]([^）)]{1,4})[）)]").matcher(column);
                if (own.find()) {
                    unit = TABLE_UNIT.matcher(column).find() ? own.group(1) : null;
                }
                if (column.endsWith("率")) {
                    unit = null;
                }
                int index = sentences.size();
                sentences.add(new Sentence(index, c.start(), c.end(), true));
                int before = figures.size();
                String rowLabel = label.isEmpty() ? (header.isEmpty() ? "" : header.get(0)) : label;
                figuresIn(index, c.start(), c.end(), column, rowLabel, unit);
                for (int k = before; k < figures.size(); k++) {
                    ids.add(k);
                }
                int first = before;
                int last = figures.size();
                comparisonsIn(c.start(), c.end(), first, last);
            }
            rows.add(new TableRow(label, labelIndent, ids, NUMBERED.matcher(label).find(), label.startsWith("其中")));
        }

        /** A table's breakdowns: a row followed by numbered rows (complete), a row followed by 其中 rows (partial). */
        private void endTable() {
            List<TableRow> table = List.copyOf(rows);
            rows.clear();
            for (int i = 0; i < table.size(); i++) {
                TableRow total = table.get(i);
                if (total.numbered() || total.whereof() || total.figures().isEmpty()) {
                    continue;
                }
                List<TableRow> numbered = new ArrayList<>();
                int j = i + 1;
                boolean inWhereof = false;
                List<TableRow> whereof = new ArrayList<>();
                while (j < table.size()) {
                    TableRow r = table.get(j);
                    if (r.numbered()) {
                        numbered.add(r);
                        inWhereof = false;
                    } else if (r.whereof()) {
                        inWhereof = true;
                        if (numbered.isEmpty()) {
                            whereof.add(r);
                        }
                    } else if (inWhereof && r.indent() > 0) {
                        if (numbered.isEmpty()) {
                            whereof.add(r);
                        }
                    } else {
                        break;
                    }
                    j++;
                }
                if (numbered.size() >= 2) {
                    addTableBreakdowns(total, numbered, true);
                } else if (!whereof.isEmpty()) {
                    addTableBreakdowns(total, whereof, false);
                }
                // 其中 rows under a numbered row
            }
            for (int i = 0; i < table.size(); i++) {
                TableRow total = table.get(i);
                if (!total.numbered()) {
                    continue;
                }
                List<TableRow> whereof = new ArrayList<>();
                int j = i + 1;
                while (j < table.size() && (table.get(j).whereof() || !whereof.isEmpty() && !table.get(j).numbered()
                        && table.get(j).indent() > 0)) {
                    whereof.add(table.get(j));
                    j++;
                }
                if (!whereof.isEmpty()) {
                    addTableBreakdowns(total, whereof, false);
                }
            }
        }

        private void addTableBreakdowns(TableRow total, List<TableRow> parts, boolean complete) {
            for (int t : total.figures()) {
                Figure tf = figures.get(t);
                if (tf.kind() != Kind.MONEY && tf.kind() != Kind.COUNT) {
                    continue;
                }
                List<Integer> ids = new ArrayList<>();
                for (TableRow r : parts) {
                    for (int p : r.figures()) {
                        Figure pf = figures.get(p);
                        if (tf.column().equals(pf.column()) && pf.kind() == tf.kind()) {
                            ids.add(p);
                        }
                    }
                }
                if (!ids.isEmpty()) {
                    breakdowns.add(new Breakdown(t, List.copyOf(ids), complete, tf.column()));
                }
            }
        }
    }

    static int chineseNumber(String s) {
        String digits = "零一二三四五六七八九";
        int value = 0;
        int current = 0;
        for (char c : s.toCharArray()) {
            if (c == '十') {
                value += (current == 0 ? 1 : current) * 10;
                current = 0;
            } else if (c == '两') {
                current = 2;
            } else {
                int d = digits.indexOf(c);
                if (d < 0) {
                    return -1;
                }
                current = d;
            }
        }
        return value + current;
    }
}
