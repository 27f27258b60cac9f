package io.jixiao.gateway.testing;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One request as the stub service received it; header names are case-insensitive. */
public record RecordedRequest(String method, String pathAndQuery, Map<String, List<String>> headers, String body) {

    public RecordedRequest {
        TreeMap<String, List<String>> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        caseInsensitive.putAll(headers);
        headers = caseInsensitive;
    }

    /** The first value of a header, or null when it is absent. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
