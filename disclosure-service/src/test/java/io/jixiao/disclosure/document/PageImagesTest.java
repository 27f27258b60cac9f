package io.jixiao.disclosure.document;

import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.disclosure.document.readback.DocumentReaders;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;

/**
 * Pages of the 荷塘区 2022 documents as pictures (target/documents/*.png; the README shows copies from docs/img):
 * the PDF's first page rendered by PDFBox, and, where LibreOffice is installed, the .docx converted by it. The
 * text PDFBox extracts from the page is the report's own text: every character was drawn from the embedded font.
 */
class PageImagesTest {
    private static final Path OUT = Path.of("target", "documents");

    @Test
    void thePdfFirstPageShowsTheTitleAndTheFirstSentencesInChinese() throws IOException {
        Demo demo = Demo.hetang();
        byte[] pdf = PdfWriter.write(demo.report(), DemoDocumentsTest.FONT);
        Files.createDirectories(OUT);
        Files.write(OUT.resolve("hetang-2022.pdf"), pdf);
        BufferedImage page = render(pdf, OUT.resolve("hetang-2022-pdf-page1.png"));
        assertThat(inkShare(page)).as("share of dark pixels on the page").isBetween(0.005, 0.5);
        List<String> lines = DocumentReaders.pdfLines(pdf);
        assertThat(String.join("", lines)).contains("荷塘区2022年度预算执行和绩效管理情况")
                .contains("2022年“三公”经费支出122万元，比预算154万元节约32万元，下降20.78%。")
                .doesNotContain("?");
    }

    @Test
    void theDocxFirstPageAsLibreOfficeLaysItOut() throws Exception {
        Path soffice = Path.of("/usr/bin/soffice");
        assertThat(Files.isExecutable(soffice)).as("LibreOffice (Debian's libreoffice-writer-nogui, which .ci/run "
                + "installs) lays the .docx out as an office would").isTrue();
        Demo demo = Demo.hetang();
        Path dir = Files.createDirectories(OUT.resolve("docx"));
        Path docx = dir.resolve("hetang-2022.docx");
        Files.write(docx, DocxWriter.write(demo.report()));
        Process p = new ProcessBuilder(soffice.toString(), "--headless", "--convert-to", "pdf", "--outdir",
                dir.toString(), docx.toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        byte[] pdf = Files.readAllBytes(dir.resolve("hetang-2022.pdf"));
        BufferedImage page = render(pdf, OUT.resolve("hetang-2022-docx-page1.png"));
        assertThat(inkShare(page)).isBetween(0.005, 0.5);
        assertThat(String.join("", DocumentReaders.pdfLines(pdf)).replaceAll("\\s", "")).contains("荷塘区2022年度预算执行和绩效管理情况");
    }

    private static BufferedImage render(byte[] pdf, Path png) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, 96);
            ImageIO.write(image, "png", png.toFile());
            return image;
        }
    }

    private static double inkShare(BufferedImage image) {
        long dark = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int luminance = ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
                dark += luminance < 384 ? 1 : 0;
            }
        }
        return (double) dark / ((long) image.getWidth() * image.getHeight());
    }
}
