package io.jixiao.disclosure.document;

import io.jixiao.disclosure.document.ReportOutline.NumberedTable;
import io.jixiao.disclosure.document.ReportOutline.Section;
import io.jixiao.disclosure.report.DistrictReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The report as a PDF/A4 with a Chinese TrueType font embedded as a subset (found by {@link CjkFont}), so it
 * renders on a machine without that font: title, numbered sections, sentences, tables with their captions
 * (header rows repeated on a new page), "第 N 页 共 M 页" with the asOf and rule version in every footer, and both
 * in the document information.
 */
public final class PdfWriter {
    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float MARGIN = 48;
    private static final float BOTTOM = 56;
    private static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;
    private static final float PAD = 2;

    private final PDDocument doc;
    private final PDType0Font font;
    private final Map<Integer, Boolean> glyphs = new HashMap<>();
    /** Advance width of each code point, in 1/1000 of the font size (the font's lookups cost most of the time). */
    private final Map<Integer, Float> advances = new HashMap<>();
    private PDPageContentStream out;
    private float y;

    private PdfWriter(PDDocument doc, PDType0Font font) {
        this.doc = doc;
        this.font = font;
    }

    /** Writes the report with the font at {@code fontPath} (a .ttf or a .ttc, whose first font is taken). */
    public static byte[] write(DistrictReport report, Path fontPath) {
        ReportOutline outline = ReportOutline.of(report);
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            TrueTypeCollection collection = null;
            TrueTypeFont ttf;
            if (fontPath.toString().toLowerCase().endsWith(".ttc")) {
                collection = new TrueTypeCollection(fontPath.toFile());
                List<TrueTypeFont> fonts = new ArrayList<>();
                collection.processAllFonts(fonts::add);
                ttf = fonts.get(0);
            } else {
                ttf = new org.apache.fontbox.ttf.TTFParser().parse(new RandomAccessReadBufferedFile(fontPath.toFile()));
            }
            try {
                PdfWriter w = new PdfWriter(doc, PDType0Font.load(doc, ttf, true));
                w.body(outline);
                w.footers(outline);
                info(doc, report, outline);
                doc.save(bytes);
            } finally {
                if (collection != null) {
                    collection.close();
                } else {
                    ttf.close();
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void info(PDDocument doc, DistrictReport r, ReportOutline outline) {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(outline.title());
        info.setAuthor("Jixiao");
        info.setCreator("Jixiao");
        info.setSubject("数据截至 " + r.asOf() + "；规则版本 " + r.ruleVersion());
        info.setKeywords("asOf=" + r.asOf() + "; ruleVersion=" + r.ruleVersion());
        info.setCustomMetadataValue("asOf", r.asOf().toString());
        info.setCustomMetadataValue("ruleVersion", r.ruleVersion());
        Calendar at = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        at.setTimeInMillis(r.asOf().toEpochMilli());
        info.setCreationDate(at);
        info.setModificationDate(at);
    }

    // ------------------------------------------------------------------ flow

    private void body(ReportOutline outline) throws IOException {
        newPage();
        y -= 10;
        centered(outline.title(), 16);
        y -= 6;
        paragraph(outline.meta(), 7.5f, 0);
        y -= 8;
        for (Section section : outline.sections()) {
            need(40);
            y -= 6;
            paragraph(section.heading(), 12, 0);
            for (String sentence : section.sentences()) {
                paragraph(sentence, 10.5f, 21);
            }
            for (NumberedTable t : section.tables()) {
                need(60);
                paragraph(t.subHeading(), 10.5f, 21);
                centered(t.captionWithUnit(), 9);
                y -= 4;
                table(t);
                y -= 6;
            }
        }
        out.close();
    }

    private void newPage() throws IOException {
        if (out != null) {
            out.close();
        }
        PDPage page = new PDPage(PAGE);
        doc.addPage(page);
        out = new PDPageContentStream(doc, page);
        out.setLineWidth(0.4f);
        y = PAGE.getHeight() - MARGIN;
    }

    private void need(float height) throws IOException {
        if (y - height < BOTTOM) {
            newPage();
        }
    }

    private void centered(String text, float size) throws IOException {
        String safe = safe(text);
        float leading = size * 1.5f;
        need(leading);
        y -= leading;
        text(safe, MARGIN + (WIDTH - width(safe, size)) / 2, y, size);
    }

    private void paragraph(String text, float size, float indent) throws IOException {
        float leading = size * 1.6f;
        List<String> lines = wrap(safe(text), size, WIDTH - indent, WIDTH);
        for (int i = 0; i < lines.size(); i++) {
            need(leading);
            y -= leading;
            text(lines.get(i), MARGIN + (i == 0 ? indent : 0), y, size);
        }
    }

    // ------------------------------------------------------------------ tables

    private void table(NumberedTable t) throws IOException {
        List<String> columns = t.table().columns().stream().map(this::safe).toList();
        List<List<String>> rows = t.table().rows().stream().map(r -> r.stream().map(this::safe).toList()).toList();
        int n = columns.size();
        float size = n <= 6 ? 8.5f : n <= 10 ? 7 : 5.5f;
        float[] widths = columnWidths(columns, rows, size);
        float leading = size * 1.3f;
        List<List<String>> header = cellLines(columns, widths, size);
        drawRow(columns, header, widths, size, leading, true);
        for (List<String> row : rows) {
            List<List<String>> lines = cellLines(row, widths, size);
            if (rowHeight(lines, leading) > y - BOTTOM) {
                newPage();
                drawRow(columns, header, widths, size, leading, true);
            }
            drawRow(row, lines, widths, size, leading, false);
        }
    }

    private float[] columnWidths(List<String> columns, List<List<String>> rows, float size) {
        int n = columns.size();
        float[] w = new float[n];
        boolean[] text = new boolean[n];
        float minimum = width("四个汉字", size) + 2 * PAD;
        for (int c = 0; c < n; c++) {
            float widest = 0;
            for (List<String> row : rows) {
                widest = Math.max(widest, width(row.get(c), size));
                text[c] |= Cells.kind(row.get(c)) == Cells.Kind.TEXT && !row.get(c).equals("—");
            }
            w[c] = Math.max(Math.min(widest, WIDTH / 3) + 2 * PAD, Math.min(minimum, width(columns.get(c), size) + 2 * PAD));
        }
        float total = sum(w);
        if (total > WIDTH) {  // narrow the text columns first (they wrap), then all of them
            float textTotal = 0;
            for (int c = 0; c < n; c++) {
                textTotal += text[c] ? w[c] : 0;
            }
            float excess = total - WIDTH;
            if (textTotal > 0) {
                float factor = Math.max(0.35f, 1 - excess / textTotal);
                for (int c = 0; c < n; c++) {
                    w[c] = text[c] ? w[c] * factor : w[c];
                }
            }
            total = sum(w);
            if (total > WIDTH) {
                for (int c = 0; c < n; c++) {
                    w[c] = w[c] * WIDTH / total;
                }
            }
        } else {
            for (int c = 0; c < n; c++) {
                w[c] = w[c] * WIDTH / total;
            }
        }
        return w;
    }

    /** Each cell's text broken into the lines its column holds. */
    private List<List<String>> cellLines(List<String> cells, float[] widths, float size) {
        List<List<String>> lines = new ArrayList<>(cells.size());
        for (int c = 0; c < cells.size(); c++) {
            lines.add(wrap(cells.get(c), size, widths[c] - 2 * PAD, widths[c] - 2 * PAD));
        }
        return lines;
    }

    private static float rowHeight(List<List<String>> cellLines, float leading) {
        int lines = 1;
        for (List<String> cell : cellLines) {
            lines = Math.max(lines, cell.size());
        }
        return lines * leading + 2 * PAD + 1;
    }

    private void drawRow(List<String> cells, List<List<String>> cellLines, float[] widths, float size, float leading,
            boolean header) throws IOException {
        float height = rowHeight(cellLines, leading);
        need(height);
        float x = MARGIN;
        for (int c = 0; c < cells.size(); c++) {
            out.addRect(x, y - height, widths[c], height);
            out.stroke();
            boolean right = !header && Cells.kind(cells.get(c)) != Cells.Kind.TEXT;
            float baseline = y - PAD - size;
            for (String line : cellLines.get(c)) {
                float tx = header ? x + (widths[c] - width(line, size)) / 2
                        : right ? x + widths[c] - PAD - width(line, size) : x + PAD;
                text(line, tx, baseline, size);
                baseline -= leading;
            }
            x += widths[c];
        }
        y -= height;
    }

    // ------------------------------------------------------------------ footers

    private void footers(ReportOutline outline) throws IOException {
        int pages = doc.getNumberOfPages();
        for (int i = 0; i < pages; i++) {
            try (PDPageContentStream s = new PDPageContentStream(doc, doc.getPage(i),
                    PDPageContentStream.AppendMode.APPEND, true)) {
                out = s;
                String line = safe("第 " + (i + 1) + " 页 共 " + pages + " 页 · " + outline.footer());
                text(line, MARGIN + (WIDTH - width(line, 7)) / 2, 30, 7);
            }
        }
        out = null;
    }

    // ------------------------------------------------------------------ text

    private void text(String text, float x, float baseline, float size) throws IOException {
        if (text.isEmpty()) {
            return;
        }
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, baseline);
        out.showText(text);
        out.endText();
    }

    private float width(String text, float size) {
        float units = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            units += advance(cp);
            i += Character.charCount(cp);
        }
        return units / 1000 * size;
    }

    private float advance(int codePoint) {
        Float known = advances.get(codePoint);
        if (known == null) {
            try {
                known = font.getStringWidth(new String(Character.toChars(codePoint)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            advances.put(codePoint, known);
        }
        return known;
    }

    /** The text with characters the font cannot draw replaced by "?" (so a stray symbol never fails a report). */
    private String safe(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            boolean ok = glyphs.computeIfAbsent(cp, this::drawable);
            if (ok) {
                b.appendCodePoint(cp);
            } else {
                b.append('?');
            }
        });
        return b.toString();
    }

    private boolean drawable(int codePoint) {
        if (Character.isISOControl(codePoint)) {
            return false;
        }
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    /** Breaks text into lines no wider than {@code first} (then {@code rest}), between any two characters. */
    private List<String> wrap(String text, float size, float first, float rest) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        float used = 0;
        float limit = first;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            float w = advance(cp) / 1000 * size;
            if (used + w > limit && line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
                used = 0;
                limit = rest;
            }
            line.appendCodePoint(cp);
            used += w;
            i += Character.charCount(cp);
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static float sum(float[] values) {
        float s = 0;
        for (float v : values) {
            s += v;
        }
        return s;
    }
}
