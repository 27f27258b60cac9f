package io.jixiao.support.context;

import io.jixiao.support.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Trusts identity only from the gateway: an {@code /api/**} request must carry the shared secret in
 * {@link GatewayHeaders#SECRET}, else it is refused (401 problem+json) before any controller runs.
 * Then it makes the caller's identity, correlation id and idempotency key the request's {@link CallerContext}.
 */
public class CallerContextFilter extends OncePerRequestFilter {
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final byte[] secret;
    private final Problems problems;

    public CallerContextFilter(String gatewaySecret, Problems problems) {
        this.secret = gatewaySecret == null || gatewaySecret.isEmpty() ? null
                : gatewaySecret.getBytes(StandardCharsets.UTF_8);
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (secret != null && !secretMatches(request.getHeader(GatewayHeaders.SECRET))) {
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "Not through the gateway",
                    "this service answers only requests forwarded by the Jixiao gateway", "gateway", null);
            return;
        }
        String correlationId = valid(request.getHeader(GatewayHeaders.CORRELATION_ID))
                ? request.getHeader(GatewayHeaders.CORRELATION_ID) : UUID.randomUUID().toString();
        String key = request.getHeader(GatewayHeaders.IDEMPOTENCY_KEY);
        if (key != null && !valid(key)) {
            problems.write(request, response, HttpStatus.BAD_REQUEST, "Invalid Idempotency-Key",
                    "Idempotency-Key must match [A-Za-z0-9._:-]{1,128}", "Idempotency-Key", null);
            return;
        }
        String actor = request.getHeader(GatewayHeaders.ACTOR);
        CallerContext context = new CallerContext(actor == null || actor.isBlank() ? "anonymous" : actor,
                split(request.getHeader(GatewayHeaders.ROLES)), split(request.getHeader(GatewayHeaders.DISTRICTS)),
                correlationId, key);
        response.setHeader(GatewayHeaders.CORRELATION_ID, correlationId);
        CallerContext.set(context);
        try {
            chain.doFilter(request, response);
        } finally {
            CallerContext.clear();
        }
    }

    private boolean secretMatches(String presented) {
        return presented != null && MessageDigest.isEqual(secret, presented.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean valid(String value) {
        return value != null && KEY.matcher(value).matches();
    }

    private static Set<String> split(String header) {
        if (header == null || header.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(header.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
