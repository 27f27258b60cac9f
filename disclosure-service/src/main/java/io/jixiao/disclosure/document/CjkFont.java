package io.jixiao.disclosure.document;

import io.jixiao.disclosure.web.HttpRefusal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;

/**
 * Where the PDF's Chinese font comes from: a TrueType font (glyph outlines PDFBox can subset and embed) found on
 * the machine at run time, never one shipped in the repository. The setting {@code jixiao.documents.cjk-font}
 * (a path) comes first; then the Debian packages' files, in this order. Noto CJK, which Debian also ships,
 * has CFF outlines PDFBox cannot embed, so it is not among them.
 */
public final class CjkFont {
    /** The Debian package to install when none is found. */
    public static final String PACKAGE = "fonts-wqy-microhei";
    public static final List<Path> CANDIDATES = List.of(
            Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
            Path.of("/usr/share/fonts/truetype/arphic/uming.ttc"));

    private CjkFont() {
    }

    /** The first readable font: the configured one, if any, then the candidates. */
    public static Optional<Path> locate(String configured) {
        List<Path> paths = new ArrayList<>();
        if (configured != null && !configured.isBlank()) {
            paths.add(Path.of(configured));
        }
        paths.addAll(CANDIDATES);
        return paths.stream().filter(Files::isReadable).findFirst();
    }

    /** No font: what the PDF needs and how to get it. */
    public static final class Missing extends HttpRefusal {
        public Missing() {
            super(HttpStatus.SERVICE_UNAVAILABLE, "PDF font not installed", "FONT_MISSING", "format",
                    "pdf needs the Debian package " + PACKAGE,
                    "a PDF needs a Chinese TrueType font and none was found (looked at " + CANDIDATES
                    + "); install the Debian package " + PACKAGE + " (apt-get install " + PACKAGE
                    + ") or set jixiao.documents.cjk-font to a .ttf/.ttc file");
        }
    }
}
