package io.jixiao.disclosure.narrative;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds minimal Word documents (.docx) in tests: paragraphs, and tables of cells. */
public final class Docx {
    private final StringBuilder body = new StringBuilder();

    /** One paragraph per line of the text; a tab in a line becomes a Word tab. */
    public static byte[] ofText(String text) {
        Docx d = new Docx();
        for (String line : text.split("\n", -1)) {
            d.paragraph(line);
        }
        return d.bytes();
    }

    public Docx paragraph(String line) {
        body.append("<w:p>");
        String[] runs = line.split("\t", -1);
        for (int i = 0; i < runs.length; i++) {
            if (i > 0) {
                body.append("<w:r><w:tab/></w:r>");
            }
            if (!runs[i].isEmpty()) {
                body.append("<w:r><w:t xml:space=\"preserve\">").append(esc(runs[i])).append("</w:t></w:r>");
            }
        }
        body.append("</w:p>");
        return this;
    }

    public Docx table(List<List<String>> rows) {
        body.append("<w:tbl>");
        for (List<String> row : rows) {
            body.append("<w:tr>");
            for (String cell : row) {
                body.append("<w:tc><w:p><w:r><w:t xml:space=\"preserve\">").append(esc(cell))
                        .append("</w:t></w:r></w:p></w:tc>");
            }
            body.append("</w:tr>");
        }
        body.append("</w:tbl>");
        return this;
    }

    public byte[] bytes() {
        String document = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
                + body + "</w:body></w:document>";
        String types = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/"
                + "package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats"
                + "-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override "
                + "PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument."
                + "wordprocessingml.document.main+xml\"/></Types>";
        String rels = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats"
                + ".org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org"
                + "/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            put(zip, "[Content_Types].xml", types);
            put(zip, "_rels/.rels", rels);
            put(zip, "word/document.xml", document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
