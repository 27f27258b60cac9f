package io.jixiao.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The one browser origin allowed to call the API cross-origin: the dashboard ({@code jixiao.cors.*}). */
@ConfigurationProperties("jixiao.cors")
public record CorsProperties(@DefaultValue("http://localhost:8080") String allowedOrigin) {
}
