package io.jixiao.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class CanonicalPathTest {

    @Test
    void refusesTheSpellingsThatReachedControllersUnchecked() {
        assertThat(CanonicalPath.problem("/%61pi/budget/districts/430203/projects/P")).get().asString()
                .contains("percent-encodes 'a'");
        assertThat(CanonicalPath.problem("/api;x=1/budget/districts/430203/projects/P")).get().asString()
                .contains(";");
        assertThat(CanonicalPath.problem("/api/budget/../evaluation/districts")).get().asString().contains("dot");
        assertThat(CanonicalPath.problem("/api//budget")).get().asString().contains("empty segment");
        assertThat(CanonicalPath.problem("/api/budget%2Fdistricts")).get().asString().contains("'/'");
        assertThat(CanonicalPath.problem("/api/%2e%2e/x")).isPresent();
        assertThat(CanonicalPath.problem("/api/budget\\x")).isPresent();
        assertThat(CanonicalPath.problem("/api/%zz")).get().asString().contains("malformed");
        assertThat(CanonicalPath.problem("api")).isPresent();
    }

    @Test
    void acceptsOrdinaryPathsAndEncodedNonAsciiText() {
        assertThat(CanonicalPath.problem("/api/budget/districts/430203/projects/P-1_a.b~c")).isEmpty();
        assertThat(CanonicalPath.problem("/api/reports/districts/430203/years/2023/%E8%8A%A6")).isEmpty();
        assertThat(CanonicalPath.problem("/")).isEmpty();
        assertThat(CanonicalPath.problem("/api/x%20y")).isEmpty();
    }

    /** Whatever a canonical path is, decoding and normalising it (as a servlet container does) leaves it as it is. */
    @Property(tries = 2000)
    void aCanonicalPathIsAFixedPointOfDecodingAndNormalising(@ForAll("paths") String path) {
        if (CanonicalPath.isCanonical(path)) {
            assertThat(normalise(path)).isEqualTo(path);
        }
    }

    @Provide
    Arbitrary<String> paths() {
        Arbitrary<String> pieces = Arbitraries.of("api", "budget", "a", "%61", "%41", "%2F", "%2f", "%2e", ".", "..",
                ";x=1", ";", "%3B", "%25", "%20", "%E8%8A%A6", "", "~", "%7E", "\\", "%5C", "430203");
        return pieces.list().ofMinSize(1).ofMaxSize(6).map(list -> "/" + String.join("/", list));
    }

    /** What a lenient server makes of a raw path: decode unreserved escapes, drop ;params, resolve dots, collapse //. */
    private static String normalise(String raw) {
        StringBuilder decoded = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length()) {
                int value = Integer.parseInt(raw.substring(i + 1, i + 3), 16);
                char d = (char) value;
                if (Character.isLetterOrDigit(d) && d < 0x80 || "-._~/;\\%".indexOf(d) >= 0) {
                    decoded.append(d == '\\' ? '/' : d);
                    i += 2;
                    continue;
                }
            }
            decoded.append(c == '\\' ? '/' : c);
        }
        List<String> out = new ArrayList<>();
        String[] segments = decoded.toString().substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            int semicolon = segment.indexOf(';');
            if (semicolon >= 0) {
                segment = segment.substring(0, semicolon);
            }
            if (segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (!out.isEmpty()) {
                    out.remove(out.size() - 1);
                }
                continue;
            }
            if (segment.isEmpty() && i < segments.length - 1) {
                continue;
            }
            out.add(segment);
        }
        return "/" + String.join("/", out);
    }
}
