package io.jixiao.disclosure.document;

import io.jixiao.disclosure.report.DistrictLedger;
import io.jixiao.disclosure.report.DistrictReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The documents as HTTP downloads: the right content type, a Chinese file name ({@code filename*} of RFC 6266,
 * with an ASCII {@code filename} for old clients), and the asOf and rule version in headers as well as inside.
 */
@Component
public class Downloads {
    public static final MediaType DOCX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    public static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    public static final MediaType ZIP = MediaType.parseMediaType("application/zip");
    private final String configuredFont;

    public Downloads(@Value("${jixiao.documents.cjk-font:}") String configuredFont) {
        this.configuredFont = configuredFont;
    }

    public ResponseEntity<byte[]> docx(DistrictReport r) {
        return download(r, DocxWriter.write(r), DOCX, "docx");
    }

    public ResponseEntity<byte[]> xlsx(DistrictReport r) {
        return download(r, XlsxWriter.write(r), XLSX, "xlsx");
    }

    public ResponseEntity<byte[]> pdf(DistrictReport r) {
        Path font = CjkFont.locate(configuredFont).orElseThrow(CjkFont.Missing::new);
        return download(r, PdfWriter.write(r, font), MediaType.APPLICATION_PDF, "pdf");
    }

    public ResponseEntity<byte[]> dataPackage(DistrictReport r, DistrictLedger ledger) {
        return download(r, DataPackageWriter.write(r, ledger), ZIP, "datapackage.zip");
    }

    /** "荷塘区2022年度预算执行和绩效管理情况.docx"; ASCII fallback "430202-2022-report.docx". */
    static ContentDisposition disposition(DistrictReport r, String extension) {
        String name = extension.equals("datapackage.zip")
                ? r.districtName() + r.year() + "年度预算执行和绩效管理数据包.zip"
                : r.districtName() + r.year() + "年度预算执行和绩效管理情况." + extension;
        return ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build();
    }

    private static ResponseEntity<byte[]> download(DistrictReport r, byte[] body, MediaType type, String extension) {
        String ascii = r.districtCode() + "-" + r.year() + "-" + (extension.equals("datapackage.zip")
                ? "datapackage.zip" : "report." + extension);
        String header = "attachment; filename=\"" + ascii + "\"; "
                + disposition(r, extension).toString().substring("attachment; ".length());
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, header)
                .header("X-Report-As-Of", r.asOf().toString())
                .header("X-Report-Rule-Version", r.ruleVersion())
                .body(body);
    }
}
