package io.jixiao.disclosure.narrative;

import io.jixiao.disclosure.narrative.NarrativeResult.Claim;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The zh-CN page of a narrative check: the draft as written, each claim marked in its verdict's colour with its
 * number, and beside it the list of claims with what the records say and why. Self-contained (no scripts, no
 * external files), printable. Pure.
 */
public final class NarrativeHtml {
    private NarrativeHtml() {
    }

    /** What the page says about the check itself (who, when, against which records). */
    public record Header(String districtCode, String districtName, int year, String checkId, String checkedBy,
                         String checkedAt, String asOf, long eventsFolded, String lastEventAt) {
    }

    public static String label(Verdict v) {
        return switch (v) {
            case CONSISTENT -> "一致";
            case CONTRADICTED -> "与记录不符";
            case INCONSISTENT -> "自相矛盾";
            case UNVERIFIABLE -> "无法核对";
        };
    }

    private static String kindLabel(String kind) {
        return switch (kind) {
            case "AMOUNT" -> "金额";
            case "CHANGE" -> "增减";
            case "PERCENT" -> "百分比";
            case "COUNT" -> "个数";
            case "TOTAL" -> "合计";
            default -> kind;
        };
    }

    public static String render(String draft, NarrativeResult result, Header header) {
        StringBuilder h = new StringBuilder(draft.length() * 2 + 4096);
        h.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(header.districtName() + " " + header.year() + "年 文稿数字核对")).append("</title><style>")
                .append("body{font-family:'Microsoft YaHei','PingFang SC',sans-serif;margin:24px;color:#222}")
                .append("h1{font-size:20px}.meta{color:#555;font-size:13px;line-height:1.7}")
                .append(".wrap{display:flex;gap:24px;align-items:flex-start}")
                .append(".draft{flex:3;white-space:pre-wrap;line-height:1.9;border:1px solid #ddd;padding:16px;tab-size:2}")
                .append(".notes{flex:2;font-size:13px}.note{border-left:4px solid #ccc;padding:6px 10px;margin:0 0 10px}")
                .append("mark{padding:0 2px;border-radius:3px}mark sup{font-size:10px;color:#333}")
                .append(".v-CONSISTENT{background:#d9f2d9}.v-CONTRADICTED{background:#ffd6d6}")
                .append(".v-INCONSISTENT{background:#ffe2b3}.v-UNVERIFIABLE{background:#e6e6e6}")
                .append(".note.v-CONSISTENT{border-color:#3a9a3a;background:none}.note.v-CONTRADICTED{border-color:#d33}")
                .append(".note.v-INCONSISTENT{border-color:#e08a00}.note.v-UNVERIFIABLE{border-color:#999;background:none}")
                .append(".tag{font-weight:bold}.src{color:#666;font-size:12px;word-break:break-all}")
                .append("table.sum td{padding:2px 10px}@media print{.wrap{display:block}}</style></head><body>");
        h.append("<h1>").append(esc(header.districtName())).append(' ').append(header.year())
                .append("年 文稿数字核对结果</h1>");
        h.append("<div class=\"meta\">核对编号：").append(esc(header.checkId())).append("<br>核对人：")
                .append(esc(header.checkedBy())).append("　核对时间：").append(esc(header.checkedAt()))
                .append("<br>依据记录：截至 ").append(esc(header.asOf())).append(" 的 ").append(header.eventsFolded())
                .append(" 条事件（最后一条记于 ").append(esc(header.lastEventAt() == null ? "—" : header.lastEventAt()))
                .append("）</div>");
        Map<Verdict, Integer> counts = result.counts();
        h.append("<p>共找到 ").append(result.claims().size()).append(" 处数字表述：</p><table class=\"sum\">");
        for (Verdict v : List.of(Verdict.CONTRADICTED, Verdict.INCONSISTENT, Verdict.UNVERIFIABLE,
                Verdict.CONSISTENT)) {
            h.append("<tr><td><mark class=\"v-").append(v).append("\">").append(label(v)).append("</mark></td><td>")
                    .append(counts.get(v)).append(" 处</td></tr>");
        }
        h.append("</table><p class=\"meta\">说明：“与记录不符”指文中数字与系统记录不同；“自相矛盾”指文稿本身前后不一致"
                + "（如增减方向与数字不符、分项之和不等于合计、节约额不等于预算减支出）；“无法核对”指系统中没有相应记录，"
                + "不作推测；数字按文中写到的精度比较（如“5.46亿元”与54,600万元一致）。</p>");
        h.append("<div class=\"wrap\"><div class=\"draft\">");
        List<Claim> ordered = new ArrayList<>(result.claims());
        ordered.sort(Comparator.comparingInt(Claim::start));
        int pos = 0;
        for (Claim c : ordered) {
            if (c.start() < pos || c.end() > draft.length()) {
                continue;
            }
            h.append(esc(draft.substring(pos, c.start())));
            h.append("<mark id=\"c").append(c.id()).append("\" class=\"v-").append(c.verdict()).append("\" title=\"")
                    .append(esc(label(c.verdict()) + "：" + c.reason())).append("\">")
                    .append(esc(draft.substring(c.start(), c.end()))).append("<sup>").append(c.id() + 1)
                    .append("</sup></mark>");
            pos = c.end();
        }
        h.append(esc(draft.substring(pos)));
        h.append("</div><div class=\"notes\">");
        List<Claim> notes = new ArrayList<>(ordered);
        notes.sort(Comparator.comparingInt((Claim c) -> c.verdict() == Verdict.CONTRADICTED
                || c.verdict() == Verdict.INCONSISTENT ? 0 : c.verdict() == Verdict.UNVERIFIABLE ? 1 : 2)
                .thenComparingInt(Claim::start));
        for (Claim c : notes) {
            h.append("<div class=\"note v-").append(c.verdict()).append("\"><a href=\"#c").append(c.id()).append("\">")
                    .append(c.id() + 1).append("</a> <span class=\"tag\">").append(label(c.verdict()))
                    .append("</span>（").append(kindLabel(c.kind())).append("）「").append(esc(c.text())).append("」");
            if (c.row() != null) {
                h.append(" 表格：").append(esc(c.row())).append(c.column() == null || c.column().isEmpty() ? ""
                        : " / " + esc(c.column()));
            }
            h.append("<br>").append(esc(c.reason()));
            if (c.expected() != null) {
                h.append("<div class=\"src\">来源：").append(esc(c.expected().field())).append("（")
                        .append(c.expected().eventCount()).append(" 条事件");
                if (!c.expected().events().isEmpty()) {
                    h.append("，如 ").append(esc(String.join("、", c.expected().events().subList(0,
                            Math.min(3, c.expected().events().size())))));
                }
                h.append("）</div>");
            }
            h.append("</div>");
        }
        h.append("</div></div></body></html>");
        return h.toString();
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
