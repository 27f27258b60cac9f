package io.jixiao.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;

class AggregateAffinityLoadBalancerTest {
    private static final ServiceInstance A = instance(18081);
    private static final ServiceInstance B = instance(18091);
    private static final ServiceInstance C = instance(18101);

    private final AggregateAffinityLoadBalancer balancer = new AggregateAffinityLoadBalancer(
            new StaticListableBeanFactory().getBeanProvider(ServiceInstanceListSupplier.class));

    @Test
    void theObjectOfAPathIsItsDistrictCollectionAndId() {
        assertThat(AggregateAffinityLoadBalancer.objectOf(URI.create(
                "http://gw/api/budget/districts/430203/projects/p-1/appropriations?x=1"))).isEqualTo("430203/projects/p-1");
        assertThat(AggregateAffinityLoadBalancer.objectOf(URI.create(
                "http://gw/api/evaluation/districts/430203/evaluations/e-9"))).isEqualTo("430203/evaluations/e-9");
        assertThat(AggregateAffinityLoadBalancer.objectOf(URI.create("http://gw/api/budget/districts/430203/settings")))
                .isEqualTo("430203/settings");
        assertThat(AggregateAffinityLoadBalancer.objectOf(URI.create("http://gw/api/budget/imports"))).isNull();
        assertThat(AggregateAffinityLoadBalancer.objectOf(URI.create("http://gw/api/budget/admin/processors"))).isNull();
        assertThat(AggregateAffinityLoadBalancer.objectOf(null)).isNull();
    }

    @Test
    void anObjectStaysOnItsInstanceAndObjectsSpreadEvenly() {
        Map<String, ServiceInstance> chosen = new HashMap<>();
        Map<ServiceInstance, Integer> counts = new HashMap<>();
        for (int i = 0; i < 3000; i++) {
            String object = "430203/projects/p-" + i;
            ServiceInstance first = balancer.choose(List.of(A, B, C), object).getServer();
            assertThat(balancer.choose(List.of(C, A, B), object).getServer()).as("the list's order does not matter")
                    .isEqualTo(first);
            chosen.put(object, first);
            counts.merge(first, 1, Integer::sum);
        }
        assertThat(counts.values()).allSatisfy(n -> assertThat(n).isBetween(850, 1150));
    }

    @Test
    void whenAnInstanceGoesOnlyItsObjectsMoveAndTheyComeBackWithIt() {
        List<String> moved = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String object = "430203/projects/p-" + i;
            ServiceInstance withAll = balancer.choose(List.of(A, B, C), object).getServer();
            ServiceInstance withoutB = balancer.choose(List.of(A, C), object).getServer();
            if (!withAll.equals(B)) {
                assertThat(withoutB).as(object + " stays where it was").isEqualTo(withAll);
            } else {
                moved.add(object);
            }
            assertThat(balancer.choose(List.of(A, B, C), object).getServer()).isEqualTo(withAll);
        }
        assertThat(moved).hasSizeBetween(250, 420);
    }

    @Test
    void requestsAboutNoObjectGoRoundRobinAndNoInstanceIsAnEmptyAnswer() {
        List<ServiceInstance> picked = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            picked.add(balancer.choose(List.of(A, B, C), null).getServer());
        }
        assertThat(picked).containsExactly(A, B, C, A, B, C);
        assertThat(balancer.choose(List.of(), "430203/projects/p-1").hasServer()).isFalse();
        assertThat(balancer.choose(List.of(B), "430203/projects/p-1").getServer()).isEqualTo(B);
    }

    private static ServiceInstance instance(int port) {
        return new DefaultServiceInstance("budget-service-" + port, "budget-service", "localhost", port, false);
    }
}
