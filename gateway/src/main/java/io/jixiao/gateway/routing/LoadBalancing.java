package io.jixiao.gateway.routing;

import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Configuration;

/** Every {@code lb://} service is balanced by {@link AggregateAffinityConfiguration}. */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClients(defaultConfiguration = AggregateAffinityConfiguration.class)
public class LoadBalancing {
}
