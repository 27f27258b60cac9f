package io.jixiao.gateway.web;

import io.jixiao.contract.PublishedContract;
import io.jixiao.gateway.problem.Problem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The published event contract, answered by the gateway itself out of the {@code jixiao-contract} jar:
 * {@code GET /api/contract/asyncapi.yaml} (the topics, AsyncAPI 3.0) and {@code GET /api/contract/events/<Type>.json}
 * (an event's JSON Schema; the AsyncAPI document refers to them relative to itself). Any signed-in role may read it
 * (AccessPolicy); docs/integration.md.
 */
@Configuration(proxyBeanMethods = false)
public class ContractRoutes {
    private static final MediaType YAML = MediaType.parseMediaType("application/yaml;charset=UTF-8");
    private static final MediaType SCHEMA = MediaType.parseMediaType("application/schema+json");

    @Bean
    RouterFunction<ServerResponse> contract() {
        return RouterFunctions.route()
                .GET("/api/contract/asyncapi.yaml", request -> file(request, PublishedContract.ASYNCAPI, YAML))
                .GET("/api/contract/events/{file}", request -> file(request, "events/" + request.pathVariable("file"),
                        SCHEMA))
                .build();
    }

    private static Mono<ServerResponse> file(ServerRequest request, String name, MediaType type) {
        byte[] content = PublishedContract.resource(name);
        if (content == null) {
            return ServerResponse.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .bodyValue(new Problem("about:blank", "Not Found", 404, "the contract has no file " + name,
                            request.path(), null));
        }
        return ServerResponse.ok().contentType(type).cacheControl(CacheControl.noCache()).bodyValue(content);
    }
}
