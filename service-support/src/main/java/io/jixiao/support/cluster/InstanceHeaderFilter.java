package io.jixiao.support.cluster;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Names the instance that answered in every response, refusals included ({@link InstanceId#HEADER}). */
public record InstanceHeaderFilter(InstanceId instance) implements Filter {
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        ((HttpServletResponse) response).setHeader(InstanceId.HEADER, instance.value());
        chain.doFilter(request, response);
    }
}
