package io.jixiao.gateway.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.gateway.correlation.CorrelationId;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Writes {@code application/problem+json} answers for the gateway's own errors. */
@Component
public class ProblemWriter {

    private final ObjectMapper objectMapper;

    public ProblemWriter(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    public Mono<Void> write(ServerWebExchange exchange, GatewayProblem problem, String detail) {
        return write(exchange, problem.status(), problem.type(), problem.title(), detail);
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String type, String title,
            String detail) {
        Problem body = new Problem(type, title, status.value(), detail, exchange.getRequest().getPath().value(),
                CorrelationId.of(exchange).orElse(null));
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return response.writeWith(Mono.fromCallable(() -> response.bufferFactory().wrap(serialize(body))));
    }

    private byte[] serialize(Problem problem) throws JsonProcessingException {
        return objectMapper.writeValueAsBytes(problem);
    }
}
