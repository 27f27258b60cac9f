package io.jixiao.gateway.security;

import java.time.Duration;
import java.util.List;

import io.jixiao.gateway.correlation.CorrelationId;
import io.jixiao.gateway.problem.ProblemWriter;
import io.jixiao.gateway.ratelimit.FailedAuthenticationLimitFilter;
import io.jixiao.gateway.ratelimit.LimitsProperties;
import io.jixiao.gateway.ratelimit.RateLimitFilter;
import io.jixiao.gateway.web.SessionTokenConverter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * Stateless bearer-token security for {@code /api/**}: a limit on refused tokens per address (before any token
 * is verified), authentication (JWT from the Authorization header, or for reads the workbench's session cookie),
 * per-client rate limit, then the {@link AccessPolicy}. Other paths (the workbench's pages and sign-in, health,
 * unknown paths that end in 404) are open.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ProblemWriter problemWriter,
            LimitsProperties limits, CorsProperties cors) {
        ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint(problemWriter);
        ProblemAccessDeniedHandler accessDeniedHandler = new ProblemAccessDeniedHandler(problemWriter);
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .cors(spec -> spec.configurationSource(corsConfigurationSource(cors)))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenConverter(new SessionTokenConverter())
                        .jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDeniedHandler))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDeniedHandler))
                .addFilterBefore(new FailedAuthenticationLimitFilter(limits, problemWriter),
                        SecurityWebFiltersOrder.AUTHENTICATION)
                .addFilterAfter(new RateLimitFilter(limits, problemWriter), SecurityWebFiltersOrder.AUTHENTICATION)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/api/**").access(new AccessPolicyAuthorizationManager(new AccessPolicy()))
                        .anyExchange().permitAll())
                .build();
    }

    private static CorsConfigurationSource corsConfigurationSource(CorsProperties properties) {
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(List.of(properties.allowedOrigin()));
        configuration.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
        configuration.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE,
                HttpHeaders.IF_MATCH, "Idempotency-Key", CorrelationId.HEADER));
        configuration.setExposedHeaders(List.of(CorrelationId.HEADER, HttpHeaders.ETAG, HttpHeaders.LOCATION,
                HttpHeaders.RETRY_AFTER));
        configuration.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", configuration);
        return source;
    }
}
