package io.jixiao.disclosure.report;

import java.util.List;

/** Lets tests in other packages parse the CSV the way {@link ReportFormatsTest} does. */
public final class ReportFormatsTestAccess {
    private ReportFormatsTestAccess() {
    }

    public static List<List<String>> parseCsv(String text) {
        return ReportFormatsTest.parseCsv(text);
    }
}
