package io.jixiao.gateway.problem;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

import io.jixiao.gateway.correlation.CorrelationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.reactive.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Turns every error raised inside the gateway (no route, service unreachable, timeouts, limits)
 * into {@code application/problem+json}. Ordered before Spring Boot's default handler (-1).
 * Responses that a service already started to send are left alone.
 */
@Component
@Order(-2)
public class GatewayErrorHandler implements ErrorWebExceptionHandler {

    /** Seconds a client should wait before retrying when a service is unreachable. */
    static final String UNAVAILABLE_RETRY_AFTER_SECONDS = "5";

    private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

    private final ProblemWriter problemWriter;

    public GatewayErrorHandler(ProblemWriter problemWriter) {
        this.problemWriter = problemWriter;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        if (causedBy(error, ConnectException.class) || causedBy(error, UnknownHostException.class)) {
            logDownstreamFailure(exchange, error);
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, UNAVAILABLE_RETRY_AFTER_SECONDS);
            return problemWriter.write(exchange, GatewayProblem.DOWNSTREAM_UNAVAILABLE,
                    "The service for " + describe(exchange.getRequest()) + " cannot be reached; retry later");
        }
        if (error instanceof ResponseStatusException statusError) {
            return handleStatus(exchange, statusError);
        }
        if (causedBy(error, TimeoutException.class)
                || causedBy(error, io.netty.handler.timeout.TimeoutException.class)) {
            logDownstreamFailure(exchange, error);
            return problemWriter.write(exchange, GatewayProblem.DOWNSTREAM_TIMEOUT, timeoutDetail(exchange));
        }
        if (causedBy(error, IOException.class)) {
            logDownstreamFailure(exchange, error);
            return problemWriter.write(exchange, GatewayProblem.BAD_GATEWAY,
                    "The service for " + describe(exchange.getRequest()) + " broke off its answer");
        }
        log.error("Unexpected error on {} [correlationId={}]", describe(exchange.getRequest()),
                CorrelationId.of(exchange).orElse("-"), error);
        return problemWriter.write(exchange, GatewayProblem.INTERNAL_ERROR, "Unexpected gateway error");
    }

    private Mono<Void> handleStatus(ServerWebExchange exchange, ResponseStatusException error) {
        HttpStatusCode status = error.getStatusCode();
        ServerHttpRequest request = exchange.getRequest();
        if (status.value() == HttpStatus.NOT_FOUND.value()) {
            return problemWriter.write(exchange, GatewayProblem.NO_ROUTE, "No route for " + describe(request));
        }
        if (status.value() == HttpStatus.GATEWAY_TIMEOUT.value()) {
            logDownstreamFailure(exchange, error);
            return problemWriter.write(exchange, GatewayProblem.DOWNSTREAM_TIMEOUT, timeoutDetail(exchange));
        }
        if (status.value() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            // the load balancer found no instance of the service ready (all down, or none answered its last
            // readiness check): the same answer as an instance that cannot be reached
            logDownstreamFailure(exchange, error);
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, UNAVAILABLE_RETRY_AFTER_SECONDS);
            return problemWriter.write(exchange, GatewayProblem.DOWNSTREAM_UNAVAILABLE,
                    "No instance of the service for " + describe(request) + " is ready; retry later");
        }
        if (status.value() == HttpStatus.PAYLOAD_TOO_LARGE.value()) {
            return problemWriter.write(exchange, GatewayProblem.PAYLOAD_TOO_LARGE, error.getReason());
        }
        exchange.getResponse().getHeaders().addAll(error.getHeaders());
        HttpStatus known = HttpStatus.resolve(status.value());
        String title = known != null ? known.getReasonPhrase() : "HTTP " + status.value();
        return problemWriter.write(exchange, status, "about:blank", title, error.getReason());
    }

    private static String timeoutDetail(ServerWebExchange exchange) {
        return "The service for " + describe(exchange.getRequest()) + " did not answer in time";
    }

    private static void logDownstreamFailure(ServerWebExchange exchange, Throwable error) {
        log.warn("Downstream failure on {} [correlationId={}]: {}", describe(exchange.getRequest()),
                CorrelationId.of(exchange).orElse("-"), error.toString());
    }

    private static String describe(ServerHttpRequest request) {
        return request.getMethod() + " " + request.getPath().value();
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable current = error; current != null; current = current.getCause()) {
            if (type.isInstance(current)) {
                return true;
            }
            if (current.getCause() == current) {
                return false;
            }
        }
        return false;
    }
}
