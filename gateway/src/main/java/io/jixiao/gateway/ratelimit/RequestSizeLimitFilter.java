package io.jixiao.gateway.ratelimit;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
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
 * declared Content-Length is too large, or as soon as a chunked body passes the limit. A bulk import upload
 * ({@code POST /api/budget/imports}) has its own, larger bound, {@code jixiao.limits.max-import-size}: the file of a
 * job of up to 200,000 lines. The body is streamed to the service either way, never held here.
 */
@Component
public class RequestSizeLimitFilter implements WebFilter, Ordered {

    static final String IMPORT_PATH = "/api/budget/imports";

    private final long maxBytes;
    private final long maxImportBytes;

    public RequestSizeLimitFilter(LimitsProperties properties) {
        this.maxBytes = properties.maxRequestSize().toBytes();
        this.maxImportBytes = properties.maxImportSize().toBytes();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long limit = HttpMethod.POST.equals(request.getMethod())
                && IMPORT_PATH.equals(request.getPath().pathWithinApplication().value()) ? maxImportBytes : maxBytes;
        long declaredLength = request.getHeaders().getContentLength();
        if (declaredLength > limit) {
            return Mono.error(tooLarge(limit));
        }
        if (declaredLength >= 0) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().request(new CountingRequest(request, limit)).build());
    }

    private static ResponseStatusException tooLarge(long limit) {
        return new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE,
                "The request body exceeds the limit of " + limit + " bytes");
    }

    /** A request whose body fails once more than {@code limit} bytes have streamed through. */
    private static final class CountingRequest extends ServerHttpRequestDecorator {

        private final long limit;

        CountingRequest(ServerHttpRequest delegate, long limit) {
            super(delegate);
            this.limit = limit;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            AtomicLong received = new AtomicLong();
            return super.getBody().handle((buffer, sink) -> {
                if (received.addAndGet(buffer.readableByteCount()) > limit) {
                    DataBufferUtils.release(buffer);
                    sink.error(tooLarge(limit));
                } else {
                    sink.next(buffer);
                }
            });
        }
    }
}
