package io.jixiao.support.cluster;

import java.time.Duration;
import org.axonframework.config.Configuration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Several instances of one service: the instance's name in every answer, and the segments of its tracking
 * processors shared between the live instances (docs/operations.md, "Cluster").
 */
@AutoConfiguration
public class ClusterAutoConfiguration {

    @Bean
    InstanceId instanceId(Environment environment) {
        return InstanceId.of(environment);
    }

    @Bean
    FilterRegistrationBean<InstanceHeaderFilter> instanceHeaderFilter(InstanceId instance) {
        FilterRegistrationBean<InstanceHeaderFilter> registration =
                new FilterRegistrationBean<>(new InstanceHeaderFilter(instance));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean(destroyMethod = "close")
    SegmentBalancer segmentBalancer(JdbcTemplate jdbc, ObjectProvider<Configuration> axon, InstanceId instance,
            @Value("${jixiao.cluster.heartbeat:PT2S}") Duration heartbeat,
            @Value("${jixiao.cluster.instance-expiry:PT6S}") Duration expiry,
            @Value("${axon.eventhandling.tokenstore.claim-timeout:PT10S}") Duration claimTimeout) {
        SegmentBalancer.Settings settings =
                new SegmentBalancer.Settings(instance.value(), heartbeat, expiry, claimTimeout).within(claimTimeout);
        return new SegmentBalancer(jdbc, () -> axon.getObject().eventProcessingConfiguration().eventProcessors(),
                settings);
    }

    /**
     * Balances only once the application is ready: its processors have started, and the balancer's thread never
     * asks for Axon's configuration while the context is still creating beans.
     */
    @Bean
    ApplicationListener<ApplicationReadyEvent> segmentBalancerStart(SegmentBalancer balancer) {
        return ready -> balancer.start();
    }

    @Bean
    @ConditionalOnProperty("jixiao.admin.path")
    ProcessorAdminController processorAdminController(SegmentBalancer balancer) {
        return new ProcessorAdminController(balancer);
    }
}
