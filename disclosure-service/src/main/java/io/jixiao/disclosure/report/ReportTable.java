package io.jixiao.disclosure.report;

import java.util.List;

/** One table of the report as HTML and CSV show it: the same cells, taken from the JSON report's own strings. */
public record ReportTable(String id, String title, List<String> columns, List<List<String>> rows) {
}
