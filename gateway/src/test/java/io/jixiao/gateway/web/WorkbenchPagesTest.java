package io.jixiao.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each signed-in page is the one layout with the page's own title and scripts in its head. */
class WorkbenchPagesTest {
    @ParameterizedTest
    @CsvSource({"overview,总览", "district,区县年度", "findings,合规发现", "project,项目资金时间线"})
    void aPageIsTheLayoutWithItsTitleAndScriptInTheHead(String page, String title) {
        String html = WorkbenchRoutes.signedInPage(page);
        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n").doesNotContain("<!--");
        assertThat(html.substring(html.indexOf("<head>"), html.indexOf("</head>")))
                .contains("<title>" + title + " · 绩效</title>")
                .contains("<script type=\"module\" src=\"/assets/" + page + ".js\"></script>")
                .contains("<link rel=\"stylesheet\" href=\"/assets/app.css\">");
        assertThat(html).contains("<body data-page=\"" + page + "\">").contains("<nav id=\"nav\"></nav>")
                .contains("<main id=\"main\">");
    }
}
