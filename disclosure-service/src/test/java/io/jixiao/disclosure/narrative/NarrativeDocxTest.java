package io.jixiao.disclosure.narrative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jixiao.disclosure.narrative.NarrativeSeeds.Seed;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The same draft as a Word document and as plain text gives the same result. */
class NarrativeDocxTest {

    @Test
    void eachSeedAsDocxGivesTheResultOfItsText() throws Exception {
        for (Seed seed : Seed.values()) {
            String text = seed.text();
            NarrativeRecords records = seed.records();
            String fromDocx = DocxText.text(Docx.ofText(text));
            assertThat(fromDocx).as(seed.toString()).isEqualTo(text);
            NarrativeResult plain = NarrativeChecker.check(text, records);
            NarrativeResult docx = NarrativeChecker.check(fromDocx, records);
            assertThat(docx.claims()).as(seed.toString()).isEqualTo(plain.claims());
            assertThat(plain.claims()).isNotEmpty();
        }
    }

    @Test
    void aWordTableReadsAsTheTextFormOfTheSameTable() throws Exception {
        String prose = "株洲市芦淞区财政局共有编制人数37人，实有人数36人。";
        List<List<String>> table = List.of(List.of("财政供养人员情况（人）", "编制数", "2023年实际在职人数", "控制率"),
                List.of("", "36", "36", "100%"));
        byte[] docx = new Docx().paragraph(prose).table(table).paragraph("以上。").bytes();
        String text = prose + "\n\n\t财政供养人员情况（人）\n\t编制数\n\t2023年实际在职人数\n\t控制率\n\n\t\n\t36\n\t36\n\t100%\n\n以上。";
        assertThat(DocxText.text(docx)).isEqualTo(text);
        NarrativeRecords records = Seed.LUSONG.records();
        NarrativeResult fromDocx = NarrativeChecker.check(DocxText.text(docx), records);
        assertThat(fromDocx.claims()).isEqualTo(NarrativeChecker.check(text, records).claims());
        assertThat(fromDocx.findings()).extracting(NarrativeResult.Claim::text, NarrativeResult.Claim::verdict)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("36", Verdict.INCONSISTENT),
                        org.assertj.core.groups.Tuple.tuple("100%", Verdict.CONTRADICTED));
    }

    @Test
    void bytesThatAreNotAWordDocumentAreRefused() throws Exception {
        assertThatThrownBy(() -> DocxText.text("纯文本".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(DocxText.NotADocx.class).hasMessageContaining("not a zip archive");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("picture.png"));
            zip.write(new byte[]{1, 2, 3});
            zip.closeEntry();
        }
        assertThatThrownBy(() -> DocxText.text(out.toByteArray())).isInstanceOf(DocxText.NotADocx.class)
                .hasMessageContaining("no word/document.xml");
    }
}
