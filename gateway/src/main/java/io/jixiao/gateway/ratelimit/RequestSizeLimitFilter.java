package io.jixiao.gateway.ratelimit;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses request bodies above {@code jixiao.limits.max-request-size} with 413: at once when the
 * declared Content-Length is too large, or as soon as a chunked body passes the limit.
 */
@Component
public class RequestSizeLimitFilter implements WebFilter, Ordered {

    private final long maxBytes;

    public RequestSizeLimitFilter(LimitsProperties properties) {
        this.maxBytes = properties.maxRequestSize().toBytes();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long declaredLength = exchange.getRequest().getHeaders().getContentLength();
        if (declaredLength > maxBytes) {
            return Mono.error(tooLarge());
        }
        if (declaredLength >= 0) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().request(new CountingRequest(exchange.getRequest())).build());
    }

    private ResponseStatusException tooLarge() {
        return new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE,
                "The request body exceeds the limit of " + maxBytes + " bytes");
    }

    /** A request whose body fails once more than {@code maxBytes} have streamed through. */
    private final class CountingRequest extends ServerHttpRequestDecorator {

        CountingRequest(ServerHttpRequest delegate) {
            super(delegate);
        }

        @Override
        public Flux<DataBuffer> getBody() {
            AtomicLong received = new AtomicLong();
            return super.getBody().handle((buffer, sink) -> {
                if (received.addAndGet(buffer.readableByteCount()) > maxBytes) {
                    DataBufferUtils.release(buffer);
                    sink.error(tooLarge());
                } else {
                    sink.next(buffer);
                }
            });
        }
    }
}
