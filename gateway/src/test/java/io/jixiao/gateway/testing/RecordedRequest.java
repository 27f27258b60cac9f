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

    /**
     * The caller the gateway vouched for, verified as a service would (signature with the key of the service it
     * names, method, path, time).
     */
    public io.jixiao.identity.CallerAssertion caller() {
        String compact = header(io.jixiao.identity.CallerAssertions.HEADER);
        if (compact == null) {
            throw new io.jixiao.identity.AssertionRejected("no caller assertion");
        }
        String audience;
        try {
            audience = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                    java.util.Base64.getUrlDecoder().decode(compact.split("\\.")[1])).path("aud").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        int query = pathAndQuery.indexOf('?');
        return io.jixiao.identity.CallerAssertions.verify(compact,
                io.jixiao.identity.CallerKey.of(GatewayWithStubTest.CALLER_KEYS.get(audience), audience), audience,
                method, query < 0 ? pathAndQuery : pathAndQuery.substring(0, query), java.time.Instant.now());
    }

    /** The first value of a header, or null when it is absent. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
