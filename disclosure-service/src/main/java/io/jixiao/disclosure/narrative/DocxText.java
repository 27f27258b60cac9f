package io.jixiao.disclosure.narrative;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The text of a Word document (.docx) in the form the parser reads: one paragraph a line; a table as one cell a
 * line, each cell starting with a tab, rows separated by an empty line. Reads {@code word/document.xml} with the
 * JDK (no DTDs, no external entities, a cap on the inflated size). Pure.
 */
public final class DocxText {
    /** The inflated document.xml may not exceed this (a zip bomb is refused, not inflated). */
    static final long MAX_XML_BYTES = 50L * 1024 * 1024;
    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /** The bytes are not a Word document. */
    public static final class NotADocx extends Exception {
        public NotADocx(String message) {
            super(message);
        }
    }

    private DocxText() {
    }

    /** Whether the bytes start like a zip file (a .docx is one). */
    public static boolean looksLikeZip(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
    }

    public static String text(byte[] docx) throws NotADocx {
        byte[] xml = documentXml(docx);
        try {
            return fromXml(xml);
        } catch (XMLStreamException e) {
            throw new NotADocx("word/document.xml is not well-formed XML: " + e.getMessage());
        }
    }

    private static byte[] documentXml(byte[] docx) throws NotADocx {
        if (!looksLikeZip(docx)) {
            throw new NotADocx("not a zip archive");
        }
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("word/document.xml")) {
                    return readCapped(zip);
                }
            }
        } catch (IOException e) {
            throw new NotADocx("unreadable zip archive: " + e.getMessage());
        }
        throw new NotADocx("no word/document.xml in the archive");
    }

    private static byte[] readCapped(InputStream in) throws IOException, NotADocx {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            total += n;
            if (total > MAX_XML_BYTES) {
                throw new NotADocx("word/document.xml inflates beyond " + MAX_XML_BYTES + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static String fromXml(byte[] xml) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLStreamReader r = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
        List<String> lines = new ArrayList<>();
        StringBuilder paragraph = null;
        int tableDepth = 0;
        List<List<String>> rowStack = new ArrayList<>();
        StringBuilder cell = null;
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT && W.equals(r.getNamespaceURI())) {
                switch (r.getLocalName()) {
                    case "tbl" -> {
                        tableDepth++;
                        if (tableDepth == 1 && !lines.isEmpty() && !lines.get(lines.size() - 1).isEmpty()) {
                            lines.add("");
                        }
                    }
                    case "tr" -> rowStack.add(new ArrayList<>());
                    case "tc" -> {
                        if (tableDepth == 1) {
                            cell = new StringBuilder();
                        }
                    }
                    case "p" -> paragraph = new StringBuilder();
                    case "t" -> {
                        String t = r.getElementText();
                        if (paragraph != null) {
                            paragraph.append(t);
                        }
                    }
                    case "tab" -> {
                        if (paragraph != null) {
                            paragraph.append('\t');
                        }
                    }
                    case "br", "cr" -> {
                        if (paragraph != null) {
                            paragraph.append(tableDepth > 0 ? ' ' : '\n');
                        }
                    }
                    default -> {
                    }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && W.equals(r.getNamespaceURI())) {
                switch (r.getLocalName()) {
                    case "p" -> {
                        String text = paragraph == null ? "" : paragraph.toString();
                        paragraph = null;
                        if (tableDepth > 0 && cell != null) {
                            if (!cell.isEmpty() && !text.isEmpty()) {
                                cell.append(' ');
                            }
                            cell.append(text.replace('\t', ' '));
                        } else if (tableDepth == 0) {
                            lines.add(text);
                        }
                    }
                    case "tc" -> {
                        if (tableDepth == 1 && cell != null && !rowStack.isEmpty()) {
                            rowStack.get(rowStack.size() - 1).add(cell.toString());
                            cell = null;
                        }
                    }
                    case "tr" -> {
                        List<String> row = rowStack.remove(rowStack.size() - 1);
                        if (tableDepth == 1) {
                            for (String c : row) {
                                lines.add("\t" + c);
                            }
                            lines.add("");
                        }
                    }
                    case "tbl" -> tableDepth--;
                    default -> {
                    }
                }
            }
        }
        return String.join("\n", lines);
    }
}
