package io.jixiao.gateway.problem;

import io.jixiao.gateway.correlation.CorrelationId;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;

/**
 * One per HTTP/1.1 connection, between Netty's codec and reactor-netty's traffic handler. On the way in it notes
 * the request's method and any decoding failure; on the way out it gives a bare refusal its problem+json body.
 * A bare refusal is a complete response with status 400, 414 or 431, no body, no {@code Content-Type} and no
 * {@code X-Correlation-Id}: every answer that passed the gateway's filters carries the id
 * ({@code CorrelationIdFilter}), so such an answer was made by the HTTP server (reactor-netty's decoding-failure
 * answer, Spring's answer to a target that is not a URI) before the gateway saw the request. Answers to HEAD keep
 * their empty body.
 */
final class ServerRefusalHandler extends ChannelDuplexHandler {

    private static final Logger log = LoggerFactory.getLogger(ServerRefusalHandler.class);

    private final ServerRefusals refusals;
    private boolean head;
    private Throwable decodingFailure;

    ServerRefusalHandler(ServerRefusals refusals) {
        this.refusals = refusals;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request) {
            head = HttpMethod.HEAD.equals(request.method());
            decodingFailure = request.decoderResult().isFailure() ? request.decoderResult().cause() : null;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof FullHttpResponse response && !head && isBare(response)) {
            GatewayProblem problem = refusals.problemFor(response.status().code());
            if (problem != null) {
                String correlationId = ServerRefusals.newCorrelationId();
                byte[] body = refusals.body(problem, correlationId);
                log.debug("refused before routing with {} [correlationId={}]: {}", response.status().code(),
                        correlationId, decodingFailure != null ? decodingFailure.toString() : "target is not a URI");
                FullHttpResponse answer = response.replace(Unpooled.wrappedBuffer(body));
                answer.headers()
                        .set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                        .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                        .set(CorrelationId.HEADER, correlationId);
                response.release();
                ctx.write(answer, promise);
                return;
            }
        }
        ctx.write(msg, promise);
    }

    private static boolean isBare(FullHttpResponse response) {
        return !response.content().isReadable() && !response.headers().contains(HttpHeaderNames.CONTENT_TYPE)
                && !response.headers().contains(CorrelationId.HEADER);
    }
}
