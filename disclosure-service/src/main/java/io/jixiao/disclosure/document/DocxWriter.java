package io.jixiao.disclosure.document;

import io.jixiao.disclosure.document.ReportOutline.NumberedTable;
import io.jixiao.disclosure.document.ReportOutline.Section;
import io.jixiao.disclosure.report.DistrictReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

/**
 * The report as a Word document in the seeds' layout: title in 宋体 (小标宋 where installed falls back to it),
 * body in 仿宋 三号-like size, headings 一、/（一）, tables in 宋体 with their caption "表N …（单位：万元）", page numbers
 * "第 N 页" and the asOf and rule version in the footer and in the document's properties.
 */
public final class DocxWriter {
    static final String TITLE_FONT = "宋体";
    static final String HEADING_FONT = "黑体";
    static final String BODY_FONT = "仿宋";
    static final String TABLE_FONT = "宋体";
    static final String LATIN_FONT = "Times New Roman";

    private DocxWriter() {
    }

    public static byte[] write(DistrictReport report) {
        ReportOutline outline = ReportOutline.of(report);
        List<NumberedTable> tables = new ArrayList<>();
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            page(doc);
            properties(doc, report, outline);
            footer(doc, outline);

            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            title.setSpacingAfter(240);
            run(title, outline.title(), TITLE_FONT, 22, true);
            XWPFParagraph meta = doc.createParagraph();
            meta.setAlignment(ParagraphAlignment.CENTER);
            meta.setSpacingAfter(240);
            run(meta, outline.meta(), BODY_FONT, 10, false);

            for (Section section : outline.sections()) {
                XWPFParagraph heading = doc.createParagraph();
                heading.setSpacingBefore(240);
                heading.setIndentationFirstLine(640);
                run(heading, section.heading(), HEADING_FONT, 16, false);
                for (String sentence : section.sentences()) {
                    XWPFParagraph p = doc.createParagraph();
                    p.setIndentationFirstLine(640);
                    p.setSpacingBetween(1.25);
                    run(p, sentence, BODY_FONT, 16, false);
                }
                for (NumberedTable t : section.tables()) {
                    XWPFParagraph sub = doc.createParagraph();
                    sub.setIndentationFirstLine(640);
                    run(sub, t.subHeading(), BODY_FONT, 16, true);
                    XWPFParagraph caption = doc.createParagraph();
                    caption.setAlignment(ParagraphAlignment.CENTER);
                    caption.setKeepNext(true);
                    run(caption, t.captionWithUnit(), TABLE_FONT, 12, true);
                    tables.add(t);
                    doc.createParagraph().createRun().setText(placeholder(tables.size() - 1));
                    doc.createParagraph();
                }
            }
            doc.write(out);
            return withTables(out.toByteArray(), tables);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void page(XWPFDocument doc) {
        CTSectPr sect = doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));  // A4, twentieths of a point
        size.setH(BigInteger.valueOf(16838));
        CTPageMar margin = sect.addNewPgMar();
        margin.setTop(BigInteger.valueOf(2098));  // 37 mm, the official layout's top margin
        margin.setBottom(BigInteger.valueOf(1984));
        margin.setLeft(BigInteger.valueOf(1588));
        margin.setRight(BigInteger.valueOf(1474));
        margin.setFooter(BigInteger.valueOf(992));
        margin.setHeader(BigInteger.valueOf(851));
    }

    private static void properties(XWPFDocument doc, DistrictReport r, ReportOutline outline) {
        POIXMLProperties props = doc.getProperties();
        POIXMLProperties.CoreProperties core = props.getCoreProperties();
        core.setTitle(outline.title());
        core.setCreator("Jixiao");
        core.setSubjectProperty("数据截至 " + r.asOf() + "；规则版本 " + r.ruleVersion());
        core.setKeywords("asOf=" + r.asOf() + "; ruleVersion=" + r.ruleVersion());
        core.setCreated(Optional.of(Date.from(r.asOf())));
        core.setModified(Optional.of(Date.from(r.asOf())));
        props.getCustomProperties().addProperty("asOf", r.asOf().toString());
        props.getCustomProperties().addProperty("ruleVersion", r.ruleVersion());
    }

    private static void footer(XWPFDocument doc, ReportOutline outline) {
        XWPFFooter footer = doc.createFooter(HeaderFooterType.DEFAULT);
        XWPFParagraph p = footer.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        run(p, "第 ", TABLE_FONT, 10, false);
        p.getCTP().addNewFldSimple().setInstr("PAGE");
        run(p, " 页  ·  " + outline.footer(), TABLE_FONT, 9, false);
    }

    private static String placeholder(int table) {
        return "jixiao-table-" + table + "-here";
    }

    /**
     * The document with each table's placeholder paragraph replaced by the table's XML, written as text. Building
     * tables through POI's object model (XMLBeans) and saving them again cost most of a large district's document
     * (seconds for 600 projects); text costs milliseconds. Borders, a repeated header row, numbers right-aligned.
     */
    private static byte[] withTables(byte[] docx, List<NumberedTable> tables) throws IOException {
        Map<String, byte[]> entries = DeterministicZip.entries(docx);
        String xml = new String(entries.get("word/document.xml"), StandardCharsets.UTF_8);
        StringBuilder b = new StringBuilder(xml.length() + tables.size() * 4096);
        int from = 0;
        for (int i = 0; i < tables.size(); i++) {
            int marker = xml.indexOf(placeholder(i), from);
            int start = Math.max(xml.lastIndexOf("<w:p>", marker), xml.lastIndexOf("<w:p ", marker));
            int end = xml.indexOf("</w:p>", marker) + "</w:p>".length();
            b.append(xml, from, start);
            table(b, tables.get(i));
            from = end;
        }
        b.append(xml, from, xml.length());
        entries.put("word/document.xml", b.toString().getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream(docx.length + b.length());
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static void table(StringBuilder b, NumberedTable numbered) {
        List<String> columns = numbered.table().columns();
        b.append("<w:tbl><w:tblPr><w:tblW w:type=\"pct\" w:w=\"5000\"/><w:jc w:val=\"center\"/><w:tblBorders>");
        for (String side : new String[] {"top", "left", "bottom", "right", "insideH", "insideV"}) {
            b.append("<w:").append(side).append(" w:val=\"single\" w:sz=\"4\"/>");
        }
        b.append("</w:tblBorders></w:tblPr>");
        int halfPoints = (columns.size() > 10 ? 7 : 9) * 2;
        row(b, columns, true, halfPoints);
        for (List<String> r : numbered.table().rows()) {
            row(b, r, false, halfPoints);
        }
        b.append("</w:tbl>");
    }

    private static void row(StringBuilder b, List<String> cells, boolean header, int halfPoints) {
        b.append(header ? "<w:tr><w:trPr><w:tblHeader/></w:trPr>" : "<w:tr>");
        for (String text : cells) {
            boolean number = Cells.kind(text) != Cells.Kind.TEXT;
            b.append("<w:tc><w:p><w:pPr><w:jc w:val=\"").append(header ? "center" : number ? "right" : "left")
                    .append("\"/></w:pPr><w:r><w:rPr><w:rFonts w:ascii=\"").append(LATIN_FONT)
                    .append("\" w:hAnsi=\"").append(LATIN_FONT).append("\" w:eastAsia=\"").append(TABLE_FONT)
                    .append("\"/>").append(header ? "<w:b/>" : "").append("<w:sz w:val=\"").append(halfPoints)
                    .append("\"/><w:szCs w:val=\"").append(halfPoints).append("\"/></w:rPr><w:t xml:space=\"preserve\">");
            escape(b, text == null ? "" : text);
            b.append("</w:t></w:r></w:p></w:tc>");
        }
        b.append("</w:tr>");
    }

    private static void escape(StringBuilder b, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        b.append(c);
                    }
                }
            }
        }
    }

    /** A run in a Chinese font (East Asian characters) with Times New Roman for Latin and digits. */
    static XWPFRun run(XWPFParagraph p, String text, String font, int points, boolean bold) {
        XWPFRun run = p.createRun();
        run.setText(text == null ? "" : text);
        run.setBold(bold);
        run.setFontSize(points);
        CTRPr pr = run.getCTR().isSetRPr() ? run.getCTR().getRPr() : run.getCTR().addNewRPr();
        CTFonts fonts = pr.sizeOfRFontsArray() > 0 ? pr.getRFontsArray(0) : pr.addNewRFonts();
        fonts.setEastAsia(font);
        fonts.setAscii(LATIN_FONT);
        fonts.setHAnsi(LATIN_FONT);
        return run;
    }
}
