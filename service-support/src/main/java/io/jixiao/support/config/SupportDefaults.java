package io.jixiao.support.config;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults every Jixiao service shares (lowest precedence: a service's application.yml or the
 * environment overrides any of them). Also switches Axon's update checker off before the context
 * starts, which its Spring property cannot do in 4.12.2. Runs after the application's own configuration was
 * read (no order = last), so that {@code jixiao.admin.path} can follow {@code spring.application.name}.
 */
public class SupportDefaults implements EnvironmentPostProcessor {
    /** Segments (and threads) of every tracking processor; a service's own processors refer to it in application.yml. */
    static final String TRACKING_SEGMENTS = "4";

    /**
     * The default of {@code jixiao.admin.path}: {@code /api/<name>/admin} for {@code spring.application.name}
     * {@code <name>-service} (budget-service → /api/budget/admin), so every service's projection admin
     * endpoints sit under its own gateway route.
     */
    static java.util.Optional<String> adminPath(String applicationName) {
        if (applicationName == null || !applicationName.matches("[a-z][a-z0-9-]*")) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("/api/" + applicationName.replaceFirst("-service$", "") + "/admin");
    }

    /**
     * The default of {@code jixiao.api.path}: {@code /api/<name>} for {@code spring.application.name}
     * {@code <name>-service}; the audit endpoints sit under it ({@code /api/budget/districts/{d}/audit/verify}).
     */
    static java.util.Optional<String> apiPath(String applicationName) {
        return adminPath(applicationName).map(p -> p.substring(0, p.length() - "/admin".length()));
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        Map<String, Object> defaults = new HashMap<>();
        defaults.put("axon.axonserver.enabled", "false");
        defaults.put("axon.serializer.general", "jackson");
        defaults.put("axon.serializer.events", "jackson");
        defaults.put("axon.serializer.messages", "jackson");
        defaults.put("axon.eventhandling.processors.kafka-publisher.mode", "tracking");
        defaults.put("axon.eventhandling.processors.kafka-publisher.batch-size", "200");
        // segments shared between the live instances (SegmentBalancer); a thread per segment, so that one survivor
        // holds them all. Events of one aggregate stay in one segment (Axon's sequencing per aggregate), so
        // Kafka keeps their order. The count applies to a new token store only (docs/operations.md, "Cluster").
        defaults.put("axon.eventhandling.processors.kafka-publisher.thread-count", TRACKING_SEGMENTS);
        defaults.put("axon.eventhandling.processors.kafka-publisher.initial-segment-count", TRACKING_SEGMENTS);
        // Axon's handler timeouts (4.11+) capture a stack trace per handler invocation, including every
        // event replayed into an aggregate: 7% of budget-service's CPU under load (docs/benchmarks.md).
        defaults.put("axon.timeout.enabled", "false");
        // nothing reads per-request observations (only health and info are exposed); they cost 5% of
        // budget-service's CPU per command (docs/decisions/0004)
        defaults.put("management.observations.enable.http", "false");
        defaults.put("spring.flyway.locations", "classpath:db/support,classpath:db/migration");
        // support migrations (V0_x) added after a service's own (V1..) still apply to an existing database:
        // the hash chain (V0_3) must reach stores that already hold events (docs/decisions/0012)
        defaults.put("spring.flyway.out-of-order", "true");
        defaults.put("spring.datasource.username", "postgres");
        defaults.put("spring.datasource.password", "postgres");
        defaults.put("spring.datasource.hikari.maximum-pool-size", "16");
        defaults.put("spring.datasource.hikari.connection-timeout", "5000");
        defaults.put("spring.jackson.deserialization.accept-float-as-int", "false");
        defaults.put("spring.jackson.default-property-inclusion", "non_null");
        defaults.put("spring.mvc.problemdetails.enabled", "false");  // ProblemAdvice is the one error mapper
        defaults.put("server.shutdown", "graceful");
        defaults.put("server.max-http-request-header-size", "16KB");
        defaults.put("spring.servlet.multipart.max-request-size", "20MB");
        defaults.put("management.endpoints.web.exposure.include", "health,info");
        defaults.put("management.endpoint.health.probes.enabled", "true");
        defaults.put("springdoc.api-docs.path", "/v3/api-docs");
        defaults.put("jixiao.kafka.bootstrap-servers", "localhost:29092");
        defaults.put("jixiao.cluster.tracking-segments", TRACKING_SEGMENTS);
        adminPath(environment.getProperty("spring.application.name")).ifPresent(p -> defaults.put("jixiao.admin.path", p));
        apiPath(environment.getProperty("spring.application.name")).ifPresent(p -> defaults.put("jixiao.api.path", p));
        environment.getPropertySources().addLast(new MapPropertySource("jixiaoSupportDefaults", defaults));
    }
}
