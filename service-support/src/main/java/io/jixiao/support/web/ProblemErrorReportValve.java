package io.jixiao.support.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's own error answers as problem+json. Some requests never reach Spring: Tomcat refuses them while it
 * parses the URL (an invalid %-encoding such as {@code %c0%ae}, a bad character) and used to answer with its HTML
 * error page. Installed as the host's error report valve ({@code SupportWebAutoConfiguration}); it writes only
 * where nothing was written yet, so Spring's own answers pass untouched.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known != null ? known.getReasonPhrase() : "HTTP " + status;
        String rule = status == 400 ? "MALFORMED_REQUEST" : status >= 500 ? "INTERNAL" : "HTTP_" + status;
        String detail = status == 400 ? "the request could not be read (malformed URL, encoding or headers)"
                : "the server refused the request before it reached the service";
        String body = "{\"type\":\"https://jixiao.io/problems/" + rule.toLowerCase().replace('_', '-') + "\",\"title\":\""
                + title + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\",\"rule\":\"" + rule
                + "\",\"errors\":[]}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone: nothing more to say
        }
    }
}
