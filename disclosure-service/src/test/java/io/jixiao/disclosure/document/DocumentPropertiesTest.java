package io.jixiao.disclosure.document;

import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.disclosure.document.readback.DocumentReaders;
import io.jixiao.disclosure.report.DistrictReport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.Test;

/** What every download says about itself: asOf and rule version inside, fonts a Chinese office expects, its name. */
class DocumentPropertiesTest {
    private static final DistrictReport REPORT = Demo.hetang().report();

    @Test
    void theDocxNamesAsOfAndRulesInItsPropertiesAndFooterAndUsesSongtiAndFangsong() throws IOException {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(DocxWriter.write(REPORT)))) {
            var core = doc.getProperties().getCoreProperties();
            assertThat(core.getTitle()).isEqualTo("荷塘区2022年度预算执行和绩效管理情况");
            assertThat(core.getKeywords()).contains(REPORT.asOf().toString()).contains(REPORT.ruleVersion());
            assertThat(core.getCreated().toInstant()).isEqualTo(REPORT.asOf());
            assertThat(doc.getProperties().getCustomProperties().getProperty("ruleVersion").getLpwstr())
                    .isEqualTo(REPORT.ruleVersion());
            String footer = doc.getFooterList().get(0).getText();
            assertThat(footer).contains("规则版本 " + REPORT.ruleVersion()).contains("数据截至 2025-01-01 08:00:00");
            assertThat(doc.getFooterList().get(0).getParagraphs().get(0).getCTP().xmlText()).contains("PAGE");
            assertThat(doc.getParagraphs().stream().flatMap(p -> p.getRuns().stream())
                    .map(XWPFRun::getCTR).map(r -> r.getRPr().getRFontsArray(0).getEastAsia()).distinct())
                    .contains("宋体", "仿宋", "黑体");
            assertThat(doc.getParagraphs().stream().map(p -> p.getText()))
                    .contains("一、“三公”经费", "（一）“三公”经费", "表1 “三公”经费（单位：万元）", "二、税收返还和转移支付");
        }
    }

    @Test
    void theWorkbookStoresNumbersAsNumbersAndNamesAsOfAndRules() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(XlsxWriter.write(REPORT)))) {
            assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo("表1 “三公”经费");
            assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("表1 “三公”经费（单位：万元）");
            var spent = wb.getSheetAt(0).getRow(7).getCell(2);
            assertThat(spent.getNumericCellValue()).isEqualTo(122.0);
            assertThat(spent.getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(wb.getProperties().getCustomProperties().getProperty("asOf").getLpwstr())
                    .isEqualTo(REPORT.asOf().toString());
            assertThat(wb.getSheet("说明").getRow(4).getCell(1).getStringCellValue()).isEqualTo(REPORT.ruleVersion());
        }
    }

    @Test
    void zipEntriesOfTheWorkbookAndTheDataPackageCarryTheAsOfNotTheClock() throws IOException {
        for (byte[] zip : new byte[][] {XlsxWriter.write(REPORT), DataPackageWriter.write(REPORT, Demo.hetang().ledger())}) {
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
                for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    assertThat(e.getTimeLocal()).as(e.getName()).isEqualTo("2025-01-01T00:00");
                }
            }
        }
    }

    @Test
    void thePdfNamesAsOfAndRulesInItsInformationAndEveryFooter() throws IOException {
        byte[] pdf = PdfWriter.write(REPORT, DemoDocumentsTest.FONT);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getDocumentInformation().getCustomMetadataValue("asOf")).isEqualTo(REPORT.asOf().toString());
            assertThat(doc.getDocumentInformation().getCustomMetadataValue("ruleVersion")).isEqualTo(REPORT.ruleVersion());
            assertThat(doc.getDocumentInformation().getCreationDate().toInstant()).isEqualTo(REPORT.asOf());
            int pages = doc.getNumberOfPages();
            assertThat(doc.getPage(0).getResources().getFont(doc.getPage(0).getResources().getFontNames().iterator()
                    .next()).isEmbedded()).isTrue();
            assertThat(DocumentReaders.pdfLines(pdf).stream().filter(l -> l.contains("页 共 " + pages + " 页")
                    && l.contains(REPORT.ruleVersion()))).hasSize(pages);
        }
    }

    @Test
    void downloadsAreNamedInChineseWithAnAsciiFallback() {
        String header = Downloads.disposition(REPORT, "docx").toString();
        assertThat(header).contains("filename*=UTF-8''%E8%8D%B7%E5%A1%98%E5%8C%BA2022");
        assertThat(header).endsWith(".docx");
    }

    @Test
    void aPdfWithoutAFontNamesThePackageToInstall() {
        assertThat(CjkFont.locate("/nonexistent/font.ttc")).isPresent();  // falls back to the Debian files
        assertThat(new CjkFont.Missing().getMessage()).contains("apt-get install fonts-wqy-microhei");
        assertThat(Instant.parse("2025-01-01T00:00:00Z")).isEqualTo(REPORT.asOf());
    }
}
