package io.jixiao.gateway.routing;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ReactorLoadBalancer;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The load balancer of every {@code lb://} service ({@link LoadBalancing}): {@link AggregateAffinityLoadBalancer}
 * over the health-checked instance list ({@code spring.cloud.loadbalancer.configurations: health-check}). Not a
 * {@code @Configuration}: Spring Cloud LoadBalancer builds it in each service's own context.
 */
public class AggregateAffinityConfiguration {

    @Bean
    ReactorLoadBalancer<ServiceInstance> aggregateAffinityLoadBalancer(Environment environment,
                                                                       LoadBalancerClientFactory factory) {
        String service = environment.getProperty(LoadBalancerClientFactory.PROPERTY_NAME);
        return new AggregateAffinityLoadBalancer(factory.getLazyProvider(service, ServiceInstanceListSupplier.class));
    }
}
