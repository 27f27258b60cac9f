package io.jixiao.support.testing;

import io.jixiao.infra.SharedTestInfra;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A service's {@code @SpringBootTest} (on a random port) against the shared embedded Kafka broker, called as through
 * the gateway ({@link AsGateway}), with its port and a {@link JdbcTemplate} on its database. The subclass registers
 * its own fresh database ({@code SharedTestInfra.freshDatabase}) as {@code spring.datasource.url}.
 */
public abstract class ServiceIntegrationTest {
    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @DynamicPropertySource
    static void sharedInfrastructure(DynamicPropertyRegistry registry) {
        registry.add("jixiao.kafka.bootstrap-servers", () -> SharedTestInfra.kafka().bootstrapServers());
        AsGateway.register(registry);
    }
}
