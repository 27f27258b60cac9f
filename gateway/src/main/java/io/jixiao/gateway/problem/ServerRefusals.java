package io.jixiao.gateway.problem;

import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.channel.ChannelPipeline;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.web.embedded.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * problem+json for the requests the HTTP server refuses before any WebFlux filter or error handler runs: headers
 * over {@code server.max-http-request-header-size} (431), a request line over
 * {@code server.netty.max-initial-line-length} (414), a request line or header Netty cannot decode (400), and a
 * request target Spring cannot turn into a URI (400: a backslash, raw non-ASCII bytes, {@code %} or {@code %zz}).
 * reactor-netty and Spring's {@code ReactorHttpHandlerAdapter} answer those with an empty body; found by the fault
 * suite's bad-input run. A {@link ServerRefusalHandler} on every HTTP/1.1 connection, between the codec and
 * reactor-netty's traffic handler, gives such an answer its body on the way out.
 */
@Component
public class ServerRefusals implements NettyServerCustomizer {

    static final String HANDLER_NAME = "jixiao.serverRefusals";

    private final ObjectMapper objectMapper;
    private final String headerLimit;
    private final String lineLimit;

    public ServerRefusals(ObjectMapper objectMapper, ServerProperties server) {
        this.objectMapper = objectMapper;
        this.headerLimit = describe(server.getMaxHttpRequestHeaderSize(), DataSize.ofKilobytes(8));
        this.lineLimit = describe(server.getNetty().getMaxInitialLineLength(), DataSize.ofKilobytes(4));
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remoteAddress) -> {
            ChannelPipeline pipeline = channel.pipeline();
            // HTTP/1.1 connections only: HTTP/2 streams are decoded (and refused) elsewhere
            if (pipeline.get(NettyPipeline.HttpTrafficHandler) != null && pipeline.get(HANDLER_NAME) == null) {
                pipeline.addBefore(NettyPipeline.HttpTrafficHandler, HANDLER_NAME, new ServerRefusalHandler(this));
            }
        });
    }

    /** The problem for a bare refusal of this status, or null when the gateway has none for it. */
    GatewayProblem problemFor(int status) {
        return switch (status) {
            case 400 -> GatewayProblem.MALFORMED_REQUEST;
            case 414 -> GatewayProblem.URI_TOO_LONG;
            case 431 -> GatewayProblem.HEADERS_TOO_LARGE;
            default -> null;
        };
    }

    String detailFor(GatewayProblem problem) {
        return switch (problem) {
            case HEADERS_TOO_LARGE -> "The request's header fields exceed the gateway's limit of " + headerLimit
                    + "; send fewer or shorter headers";
            case URI_TOO_LONG -> "The request line exceeds the gateway's limit of " + lineLimit
                    + "; shorten the path and query";
            default -> "The request cannot be parsed: its request line or target is malformed (a raw space, "
                    + "backslash or non-ASCII byte, an incomplete or invalid %-escape) or a header is invalid";
        };
    }

    /** The problem document of a refusal, with a fresh correlation id (no filter ran to assign one). */
    byte[] body(GatewayProblem problem, String correlationId) throws JsonProcessingException {
        return objectMapper.writeValueAsBytes(new Problem(problem.type(), problem.title(), problem.status().value(),
                detailFor(problem), null, correlationId));
    }

    static String newCorrelationId() {
        return UUID.randomUUID().toString();
    }

    private static String describe(DataSize size, DataSize fallback) {
        long bytes = (size != null ? size : fallback).toBytes();
        return bytes % 1024 == 0 ? (bytes / 1024) + " KB" : bytes + " bytes";
    }
}
