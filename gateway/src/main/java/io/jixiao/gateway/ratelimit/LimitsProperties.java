package io.jixiao.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits that keep one client from starving the rest ({@code jixiao.limits.*}).
 *
 * @param maxRequestSize    largest request body accepted (413 above)
 * @param requestsPerSecond sustained rate per client (token subject, else IP address)
 * @param burst             requests a client may send at once before being held to that rate (429)
 * @param failedAuthenticationsPerSecond sustained rate of refused tokens per IP address; above it (after
 *                          {@code failedAuthenticationBurst}) the address gets 429 before any token is verified
 * @param failedAuthenticationBurst refused tokens an address may send at once
 * @param maxImportSize     largest body of a bulk import upload ({@code POST /api/budget/imports}, 413 above): a job
 *                          holds up to 200,000 lines, about 30 MB as JSON lines; every other route keeps
 *                          {@code maxRequestSize}
 */
@ConfigurationProperties("jixiao.limits")
public record LimitsProperties(
        @DefaultValue("5MB") DataSize maxRequestSize,
        @DefaultValue("200") double requestsPerSecond,
        @DefaultValue("400") int burst,
        @DefaultValue("5") double failedAuthenticationsPerSecond,
        @DefaultValue("20") int failedAuthenticationBurst,
        @DefaultValue("40MB") DataSize maxImportSize) {
}
