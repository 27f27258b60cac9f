package io.jixiao.disclosure.report;

import io.jixiao.disclosure.report.DistrictReport.ThreePublicLine;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The report as a printable zh-CN page: the sections in the published reports' order with their sentences and tables, and
 * a bar chart of 三公经费 drawn as inline SVG (no script, no CDN). Tables come from {@link ReportTables}.
 */
public final class ReportHtml {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(io.jixiao.events.BureauTime.ZONE);
    private static final List<Section> SECTIONS = List.of(
            new Section("three-public", "一、“三公”经费", List.of("three-public")),
            new Section("transfers", "二、税收返还和转移支付", List.of("transfers")),
            new Section("debt", "三、地方政府债务", List.of("debt", "bonds")),
            new Section("performance", "四、预算绩效管理", List.of("performance", "key-evaluation-types",
                    "key-evaluations", "self-evaluations", "self-evaluation-review", "spot-checks", "result-applications",
                    "monitoring", "checkpoint", "rectification-counts", "rectifications")),
            new Section("execution", "五、部门预算执行", List.of("units")),
            new Section("projects", "六、项目支出", List.of("project-categories", "projects", "reversals")));

    private record Section(String id, String title, List<String> tables) {
    }

    private ReportHtml() {
    }

    public static String render(DistrictReport r) {
        Map<String, ReportTable> tables = new java.util.LinkedHashMap<>();
        ReportTables.of(r).forEach(t -> tables.put(t.id(), t));
        Map<String, List<String>> sentences = Map.of("three-public", r.narrative().threePublic(),
                "transfers", r.narrative().transfers(), "debt", r.narrative().debt(),
                "performance", r.narrative().performance(), "execution", r.narrative().execution(),
                "projects", List.of());
        String title = r.districtName() + r.year() + "年度预算执行和绩效管理情况";
        StringBuilder h = new StringBuilder(32_768);
        h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"UTF-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n")
                .append("</head>\n<body>\n<header>\n<h1>").append(esc(title)).append("</h1>\n<p class=\"meta\">")
                .append("行政区划代码 ").append(esc(r.districtCode())).append(" · 数据截至 ")
                .append(esc(TIME.format(r.asOf()))).append("（北京时间） · 依据事件 ")
                .append(r.provenance().eventsFolded()).append(" 条 · 规则版本 ").append(esc(r.ruleVersion()))
                .append("</p>\n</header>\n");
        for (Section section : SECTIONS) {
            h.append("<section id=\"").append(section.id()).append("\">\n<h2>").append(esc(section.title()))
                    .append("</h2>\n");
            for (String sentence : sentences.get(section.id())) {
                h.append("<p>").append(esc(sentence)).append("</p>\n");
            }
            boolean empty = sentences.get(section.id()).isEmpty()
                    && section.tables().stream().allMatch(id -> tables.get(id).rows().isEmpty());
            if (empty) {
                h.append("<p class=\"none\">本年无相关记录。</p>\n");
            }
            if (section.id().equals("three-public")) {
                h.append(chart(r));
            }
            for (String id : section.tables()) {
                ReportTable table = tables.get(id);
                if (!table.rows().isEmpty()) {
                    table(h, table);
                }
            }
            h.append("</section>\n");
        }
        h.append("<footer><p>本报告由绩效系统根据预算、绩效和公开事件自动生成；金额单位万元，保留两位小数（四舍五入）。</p>")
                .append("</footer>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void table(StringBuilder h, ReportTable table) {
        h.append("<table id=\"table-").append(table.id()).append("\">\n<caption>").append(esc(table.title()))
                .append("</caption>\n<thead><tr>");
        for (String column : table.columns()) {
            h.append("<th>").append(esc(column)).append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : table.rows()) {
            h.append("<tr>");
            for (String cell : row) {
                h.append("<td>").append(esc(cell)).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    /** Budget and spending of the three main 三公 lines as horizontal bars. */
    private static String chart(DistrictReport r) {
        List<ThreePublicLine> lines = r.threePublic().lines().stream().filter(l -> !l.subLine()).toList();
        BigDecimal max = BigDecimal.ONE;
        for (ThreePublicLine l : lines) {
            max = max.max(new BigDecimal(l.budgetWan())).max(new BigDecimal(l.spentWan()));
        }
        int rowHeight = 44;
        int width = 640;
        int labelWidth = 190;
        int barSpace = width - labelWidth - 90;
        StringBuilder svg = new StringBuilder();
        svg.append("<figure><svg role=\"img\" aria-label=\"“三公”经费预算与支出\" width=\"").append(width)
                .append("\" height=\"").append(lines.size() * rowHeight + 24).append("\" viewBox=\"0 0 ").append(width)
                .append(' ').append(lines.size() * rowHeight + 24).append("\">\n");
        int y = 4;
        for (ThreePublicLine l : lines) {
            int budget = scale(l.budgetWan(), max, barSpace);
            int spent = scale(l.spentWan(), max, barSpace);
            svg.append("<text x=\"0\" y=\"").append(y + 22).append("\" class=\"label\">").append(esc(l.category()))
                    .append("</text>\n");
            svg.append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y).append("\" width=\"").append(budget)
                    .append("\" height=\"16\" class=\"budget\"/>\n");
            svg.append("<text x=\"").append(labelWidth + budget + 4).append("\" y=\"").append(y + 13)
                    .append("\" class=\"value\">预算 ").append(l.budgetWan()).append("</text>\n");
            svg.append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y + 18).append("\" width=\"")
                    .append(spent).append("\" height=\"16\" class=\"spent\"/>\n");
            svg.append("<text x=\"").append(labelWidth + spent + 4).append("\" y=\"").append(y + 31)
                    .append("\" class=\"value\">支出 ").append(l.spentWan()).append("</text>\n");
            y += rowHeight;
        }
        svg.append("</svg><figcaption>“三公”经费预算与支出（万元）</figcaption></figure>\n");
        return svg.toString();
    }

    private static int scale(String wan, BigDecimal max, int space) {
        return new BigDecimal(wan).multiply(BigDecimal.valueOf(space)).divide(max, 0, java.math.RoundingMode.HALF_UP)
                .intValue();
    }

    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static final String CSS = """
            body { font-family: "Noto Serif SC", "Songti SC", SimSun, serif; margin: 2em auto; max-width: 60em;
                   color: #111; line-height: 1.7; }
            h1 { font-size: 1.6em; text-align: center; }
            h2 { font-size: 1.25em; border-bottom: 1px solid #999; margin-top: 2em; }
            p { text-indent: 2em; margin: .4em 0; }
            p.meta { text-indent: 0; text-align: center; color: #555; font-size: .85em; }
            table { border-collapse: collapse; margin: 1em 0; width: 100%; font-size: .85em; }
            caption { font-weight: bold; margin-bottom: .3em; }
            th, td { border: 1px solid #666; padding: .2em .4em; }
            td { text-align: right; white-space: nowrap; }
            td:first-child { text-align: left; white-space: normal; }
            th { background: #eee; }
            figure { margin: 1em 0; }
            figcaption { font-size: .85em; color: #555; }
            svg .budget { fill: #9db4d6; } svg .spent { fill: #2f5f9e; }
            svg text { font-size: 12px; } svg .label { font-size: 13px; }
            footer { margin-top: 3em; font-size: .8em; color: #555; }
            @media print { body { margin: 0; max-width: none; } section { break-inside: auto; }
                           table, figure { break-inside: avoid; } h2 { break-after: avoid; } }
            """;
}
