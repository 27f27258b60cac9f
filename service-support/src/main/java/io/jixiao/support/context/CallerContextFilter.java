package io.jixiao.support.context;

import io.jixiao.identity.AssertionRejected;
import io.jixiao.identity.CallerAssertion;
import io.jixiao.identity.CallerAssertions;
import io.jixiao.identity.CallerKey;
import io.jixiao.identity.CanonicalPath;
import io.jixiao.support.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Trusts identity only from the gateway. Every request but the few {@link #OPEN_PATHS} (health, the API
 * description), whatever its spelling, must carry a caller assertion signed with this service's key, made for this
 * service, this method and this exact raw path, and unexpired; else it is refused (401 problem+json) before any
 * controller runs. A raw path that is not canonical is refused (400) first, so the path the assertion names is the
 * path the controllers see. The assertion becomes the request's {@link CallerContext}.
 */
public class CallerContextFilter extends OncePerRequestFilter {
    /** Raw request URIs answered without an assertion (GET or HEAD only): for orchestrators and API readers. */
    static final Set<String> OPEN_PATHS = Set.of("/actuator/health", "/actuator/health/liveness",
            "/actuator/health/readiness", "/actuator/info", "/v3/api-docs");

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final Verifier verifier;
    private final Problems problems;

    public CallerContextFilter(CallerKey key, String audience, Problems problems, Clock clock) {
        this.verifier = new Verifier(key, audience, clock);
        this.problems = problems;
    }

    /** What an assertion is checked against: the key it is signed with, the service it is for, and the clock. */
    private record Verifier(CallerKey key, String audience, Clock clock) {
        CallerAssertion verify(HttpServletRequest request, String rawPath) {
            return CallerAssertions.verify(request.getHeader(CallerAssertions.HEADER), key, audience,
                    request.getMethod(), rawPath, clock.instant());
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return OPEN_PATHS.contains(request.getRequestURI())
                && ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String rawPath = request.getRequestURI();
        Optional<String> notCanonical = CanonicalPath.problem(rawPath);
        if (notCanonical.isPresent()) {
            problems.write(request, response, HttpStatus.BAD_REQUEST, "Path not accepted", notCanonical.get(),
                    "path", null);
            return;
        }
        CallerAssertion assertion;
        try {
            assertion = verifier.verify(request, rawPath);
        } catch (AssertionRejected e) {
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "Not through the gateway",
                    "this service answers only requests the Jixiao gateway vouched for (" + e.getMessage() + ")",
                    "gateway", null);
            return;
        }
        String key = assertion.idempotencyKey();
        if (key != null && !valid(key)) {
            problems.write(request, response, HttpStatus.BAD_REQUEST, "Invalid Idempotency-Key",
                    "Idempotency-Key must match [A-Za-z0-9._:-]{1,128}", "Idempotency-Key", null);
            return;
        }
        String correlationId = valid(assertion.correlationId()) ? assertion.correlationId()
                : UUID.randomUUID().toString();
        CallerContext context = new CallerContext(assertion.subject(), assertion.roles(), assertion.districts(),
                assertion.units(), assertion.agency(), correlationId, key, assertion.name());
        response.setHeader(GatewayHeaders.CORRELATION_ID, correlationId);
        CallerContext.set(context);
        try {
            chain.doFilter(request, response);
        } finally {
            CallerContext.clear();
        }
    }

    private static boolean valid(String value) {
        return value != null && KEY.matcher(value).matches();
    }
}
