package io.jixiao.gateway.security;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code jixiao.caller-keys.<service>}: the key the gateway signs each service's caller assertions with, one per
 * service (environment {@code JIXIAO_CALLER_KEY_BUDGET}, {@code _EVALUATION}, {@code _DISCLOSURE}); each service
 * holds only its own as {@code JIXIAO_CALLER_KEY}.
 */
@ConfigurationProperties("jixiao")
public record CallerKeysProperties(Map<String, String> callerKeys) {
    public CallerKeysProperties {
        callerKeys = callerKeys == null ? Map.of() : Map.copyOf(callerKeys);
    }
}
