package io.jixiao.disclosure.document;

import io.jixiao.disclosure.document.ReportOutline.NumberedTable;
import io.jixiao.disclosure.document.ReportOutline.Section;
import io.jixiao.disclosure.report.DistrictReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTbl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblBorders;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STJc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STJcTable;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;
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
                    table(doc, t);
                }
            }
            doc.write(out);
            return out.toByteArray();
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

    /**
     * A table written straight into the document's XML (the high-level cell API compiles an XPath per cell,
     * seconds for a district of 600 projects): borders, a repeated header row, numbers right-aligned.
     */
    private static void table(XWPFDocument doc, NumberedTable numbered) {
        List<String> columns = numbered.table().columns();
        List<List<String>> rows = numbered.table().rows();
        CTTbl tbl = doc.getDocument().getBody().addNewTbl();
        CTTblPr pr = tbl.addNewTblPr();
        CTTblWidth width = pr.addNewTblW();
        width.setType(STTblWidth.PCT);
        width.setW(BigInteger.valueOf(5000));
        pr.addNewJc().setVal(STJcTable.CENTER);
        CTTblBorders borders = pr.addNewTblBorders();
        for (CTBorder b : new CTBorder[] {borders.addNewTop(), borders.addNewLeft(), borders.addNewBottom(),
                borders.addNewRight(), borders.addNewInsideH(), borders.addNewInsideV()}) {
            b.setVal(STBorder.SINGLE);
            b.setSz(BigInteger.valueOf(4));
        }
        int points = columns.size() > 10 ? 7 : 9;
        row(tbl, columns, true, points);
        for (List<String> r : rows) {
            row(tbl, r, false, points);
        }
        doc.createParagraph();
    }

    private static void row(CTTbl tbl, List<String> cells, boolean header, int points) {
        CTRow tr = tbl.addNewTr();
        if (header) {
            tr.addNewTrPr().addNewTblHeader();
        }
        for (String text : cells) {
            CTP p = tr.addNewTc().addNewP();
            boolean number = Cells.kind(text) != Cells.Kind.TEXT;
            p.addNewPPr().addNewJc().setVal(header ? STJc.CENTER : number ? STJc.RIGHT : STJc.LEFT);
            CTR r = p.addNewR();
            CTRPr pr = r.addNewRPr();
            CTFonts fonts = pr.addNewRFonts();
            fonts.setEastAsia(TABLE_FONT);
            fonts.setAscii(LATIN_FONT);
            fonts.setHAnsi(LATIN_FONT);
            if (header) {
                pr.addNewB();
            }
            pr.addNewSz().setVal(BigInteger.valueOf(points * 2L));
            pr.addNewSzCs().setVal(BigInteger.valueOf(points * 2L));
            r.addNewT().setStringValue(text == null ? "" : text);
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
