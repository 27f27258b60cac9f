package io.jixiao.disclosure.narrative;

import java.util.List;

/**
 * A draft as the parser read it: its sentences (and table cells), the figures in them, the comparisons
 * ("比上年减少5.46亿元，下降12.72%") and the breakdowns (a total and the parts introduced by 其中, or a table's
 * numbered rows). Character offsets refer to {@code text} as given; {@code normalized} has the same length.
 */
public record Draft(String text, String normalized, List<Sentence> sentences, List<Figure> figures,
                    List<Comparison> comparisons, List<Breakdown> breakdowns) {

    /** A sentence of prose (up to 。！？ or the line's end) or one table cell. */
    public record Sentence(int index, int start, int end, boolean tableCell) {
    }

    /** What a comparison is made against. */
    public enum Basis {
        /** 比全年预算数…节约/超支: spending against its budget. */
        BUDGET,
        /** 比上年/较上年/同比: this year against last year. */
        LAST_YEAR,
        /** 比…: the sentence does not say. */
        UNSTATED
    }

    /**
     * A change stated in a sentence. Figure ids, or -1 where the sentence does not state that part.
     *
     * @param current the figure compared (the one before 比/较), or -1
     * @param base    the figure compared with ("比全年预算数154万元"), or -1
     * @param word    the direction word of the amount (增加, 减少, 节约 …)
     * @param delta   the size of the change in money or count, or -1
     * @param percentWord the direction word of the percentage when it has its own ("…，上升19.82%"), else null
     * @param percent the change in percent, or -1
     */
    public record Comparison(int current, int base, Basis basis, String word, int wordStart, int wordEnd, int delta,
                             String percentWord, int percent) {
    }

    /**
     * A total and its parts. {@code complete}: the parts claim to be the whole (two or more parts after 其中 in
     * prose, or a table's numbered rows), so they must add up to the total; otherwise they must not exceed it.
     *
     * @param column for a table: the column the parts are summed in, else null
     */
    public record Breakdown(int total, List<Integer> parts, boolean complete, String column) {
    }

    public Figure figure(int id) {
        return figures.get(id);
    }

    public String sentenceText(int index) {
        Sentence s = sentences.get(index);
        return text.substring(s.start(), s.end());
    }
}
