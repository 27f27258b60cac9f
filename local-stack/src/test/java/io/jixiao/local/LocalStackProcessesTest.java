package io.jixiao.local;

import static io.jixiao.local.LocalStackProcesses.BUDGET;
import static io.jixiao.local.LocalStackProcesses.DISCLOSURE;
import static io.jixiao.local.LocalStackProcesses.EVALUATION;
import static io.jixiao.local.LocalStackProcesses.GATEWAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.jixiao.infra.FreePorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs real child JVMs (a fake service jar in place of the Spring Boot ones). */
class LocalStackProcessesTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path home;
    private Path services;
    private LocalStackProcesses stack;

    @BeforeEach
    void writeJars() throws IOException {
        services = FakeServiceJars.writeAll(home.resolve("services"));
    }

    @AfterEach
    void stopEverything() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void startsAllFourWithTheContractEnvironment() throws Exception {
        stack = builder().callerKey(BUDGET, "budget-key-for-this-test-0123456789abcdef").build();

        stack.startAll();

        assertThat(stack.services()).hasSize(4).allSatisfy(service -> {
            assertThat(service.isAlive()).isTrue();
            assertThat(HealthProbe.isUp(service.baseUrl())).isTrue();
            assertThat(service.logFile()).isEqualTo(home.resolve("logs").resolve(service.name() + ".log"));
        });
        ServiceProcess budget = stack.service(BUDGET);
        assertThat(env(budget, "SERVER_PORT")).isEqualTo(Integer.toString(budget.port()));
        assertThat(env(budget, "SPRING_DATASOURCE_URL")).isEqualTo("jdbc:postgresql://localhost:5555/budget");
        assertThat(env(budget, "SPRING_DATASOURCE_USERNAME")).isEqualTo("postgres");
        assertThat(env(budget, "JIXIAO_KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("localhost:6666");
        assertThat(env(budget, "JIXIAO_CALLER_KEY")).isEqualTo("budget-key-for-this-test-0123456789abcdef");
        assertThat(env(budget, "SERVER_ADDRESS")).isEqualTo("127.0.0.1");
        assertThat(env(budget, "JIXIAO_LOCAL_MODE")).isEqualTo("true");
        assertThat(env(stack.service(EVALUATION), "JIXIAO_CALLER_KEY")).hasSizeGreaterThanOrEqualTo(32)
                .isNotEqualTo(env(budget, "JIXIAO_CALLER_KEY"));
        assertThat(env(budget, "AXONIQ_UPDATE_CHECKER_DISABLED")).isEqualTo("true");
        assertThat(env(stack.service(DISCLOSURE), "SPRING_DATASOURCE_URL")).endsWith("/disclosure");
        ServiceProcess gateway = stack.service(GATEWAY);
        assertThat(stack.gatewayUrl()).isEqualTo(gateway.baseUrl());
        assertThat(env(gateway, "JIXIAO_ROUTES_EVALUATION")).isEqualTo(stack.service(EVALUATION).baseUrl());
        assertThat(env(gateway, "JIXIAO_CALLER_KEY_BUDGET")).isEqualTo("budget-key-for-this-test-0123456789abcdef");
        assertThat(env(gateway, "JIXIAO_CALLER_KEY_EVALUATION")).isEqualTo(env(stack.service(EVALUATION),
                "JIXIAO_CALLER_KEY"));
        assertThat(env(gateway, "JIXIAO_CALLER_KEY")).isEmpty();
        assertThat(env(gateway, "SPRING_DATASOURCE_URL")).isEmpty();
    }

    @Test
    void killsOneServiceHardAndBringsItBack() throws Exception {
        stack = builder().build();
        stack.startAll();
        ServiceProcess budget = stack.service(BUDGET);
        long before = budget.pid();

        stack.kill(BUDGET);

        assertThat(budget.isAlive()).isFalse();
        assertThat(ProcessHandle.of(before).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(HealthProbe.isUp(budget.baseUrl())).isFalse();
        assertThat(stack.service(EVALUATION).isAlive()).isTrue();

        stack.start(BUDGET);

        assertThat(budget.pid()).isNotEqualTo(before);
        assertThat(HealthProbe.isUp(budget.baseUrl())).isTrue();
    }

    @Test
    void stopsGracefullyAndRestarts() {
        stack = builder().build();
        ServiceProcess evaluation = stack.start(EVALUATION);
        long first = evaluation.pid();

        stack.stop(EVALUATION);
        assertThat(evaluation.isAlive()).isFalse();
        assertThat(FreePorts.inUse(evaluation.port())).isFalse();

        stack.restart(EVALUATION);
        assertThat(evaluation.pid()).isNotEqualTo(first);
        assertThat(HealthProbe.isUp(evaluation.baseUrl())).isTrue();
    }

    @Test
    void aServiceThatExitsFailsAtOnceWithItsLog() {
        stack = builder().environment(DISCLOSURE, "FAKE_EXIT_CODE", "3").build();

        assertThatThrownBy(stack::startAll)
                .isInstanceOfSatisfying(ServiceStartException.class, e -> {
                    assertThat(e.getMessage()).contains("disclosure-service exited with code 3");
                    assertThat(e.service().logTail(5)).contains("fake service failing on purpose with code 3");
                });
        assertThat(stack.service(GATEWAY).isAlive()).isFalse();
    }

    @Test
    void aServiceThatStaysDownTimesOut() {
        stack = builder().environment(BUDGET, "FAKE_HEALTH", "DOWN").healthTimeout(Duration.ofSeconds(3)).build();

        assertThatThrownBy(() -> stack.start(BUDGET))
                .isInstanceOf(ServiceStartException.class)
                .hasMessageContaining("budget-service was not healthy within 3 s");
        assertThat(stack.service(BUDGET).isAlive()).isTrue();
    }

    @Test
    void refusesAPortThatIsTaken() {
        stack = builder().build();
        stack.start(BUDGET);
        LocalStackProcesses second = builder().homeDirectory(home.resolve("other"))
                .port(BUDGET, stack.service(BUDGET).port()).build();

        assertThatThrownBy(() -> second.start(BUDGET))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is already in use");
    }

    @Test
    void stopsChildrenOrphanedByAHardKilledLauncher() {
        LocalStackProcesses abandoned = builder().build();
        long orphan = abandoned.start(GATEWAY).pid();
        // the launcher that started it dies without stopping it; the next one finds its pid file
        stack = builder().build();

        assertThat(stack.stopOrphans()).containsExactly("gateway (pid " + orphan + ")");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> ProcessHandle.of(orphan).map(process -> !process.isAlive()).orElse(true));
        assertThat(stack.stopOrphans()).isEmpty();
    }

    @Test
    void anExtraInstanceRunsBesideTheFirst() {
        stack = builder().build();
        ServiceSpec second = stack.service(BUDGET).spec().withName("budget-service-2").withPort(FreePorts.pick());

        ServiceProcess extra = stack.addInstance(second);
        stack.start(BUDGET);
        stack.start("budget-service-2");

        assertThat(HealthProbe.isUp(extra.baseUrl())).isTrue();
        assertThat(extra.pid()).isNotEqualTo(stack.service(BUDGET).pid());
        stack.stopAll();
        assertThat(extra.isAlive()).isFalse();
    }

    @Test
    void twoInstancesOfEachServiceBehindALoadBalancingGateway() throws Exception {
        stack = builder().port(BUDGET, 18081).instances(2).build();

        assertThat(stack.services()).extracting(ServiceProcess::name).containsExactly(
                BUDGET, "budget-service-2", EVALUATION, "evaluation-service-2", DISCLOSURE, "disclosure-service-2",
                GATEWAY);
        ServiceSpec second = stack.service("budget-service-2").spec();
        assertThat(second.port()).isEqualTo(18091);
        assertThat(second.environment()).containsEntry("SERVER_PORT", "18091")
                .containsEntry("JIXIAO_INSTANCE_ID", "budget-service-2")
                .containsEntry("JIXIAO_CALLER_KEY", stack.service(BUDGET).spec().environment().get("JIXIAO_CALLER_KEY"))
                .containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://localhost:5555/budget");
        assertThat(stack.service(BUDGET).spec().environment()).containsEntry("JIXIAO_INSTANCE_ID", BUDGET);
        Map<String, String> gateway = stack.service(GATEWAY).spec().environment();
        assertThat(gateway).containsEntry("JIXIAO_ROUTES_BUDGET", "lb://budget-service")
                .containsEntry("JIXIAO_ROUTES_DISCLOSURE", "lb://disclosure-service");
        JsonNode instances = new ObjectMapper().readTree(gateway.get("SPRING_APPLICATION_JSON"))
                .at("/spring/cloud/discovery/client/simple/instances");
        assertThat(instances.get(BUDGET).findValuesAsText("uri"))
                .containsExactly("http://localhost:18081", "http://localhost:18091");
        int evaluation = stack.service(EVALUATION).port();
        assertThat(instances.get(EVALUATION).findValuesAsText("uri")).containsExactly(
                "http://localhost:" + evaluation, "http://localhost:" + (evaluation + 10));
    }

    @Test
    void refusesGatewaySettingsThatWouldHideTheInstances() {
        assertThatThrownBy(() -> builder().instances(2)
                .environment(GATEWAY, "SPRING_APPLICATION_JSON", "{\"jixiao\":{\"limits\":{\"burst\":1}}}")
                .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SPRING_APPLICATION_JSON");
        stack = builder().instances(2).environment(GATEWAY, "JIXIAO_LIMITS_BURST", "1").build();
        assertThat(stack.service(GATEWAY).spec().environment()).containsEntry("JIXIAO_LIMITS_BURST", "1")
                .containsKey("SPRING_APPLICATION_JSON");
    }

    @Test
    void oneInstanceRoutesStraightToIt() {
        stack = builder().build();

        Map<String, String> gateway = stack.service(GATEWAY).spec().environment();
        assertThat(gateway).containsEntry("JIXIAO_ROUTES_BUDGET", stack.service(BUDGET).baseUrl())
                .doesNotContainKey("SPRING_APPLICATION_JSON");
        assertThat(stack.services()).hasSize(4);
    }

    private LocalStackProcessesBuilder builder() {
        LocalStackProcessesBuilder builder = LocalStackProcesses.builder()
                .servicesDirectory(services)
                .homeDirectory(home)
                .postgres("jdbc:postgresql://localhost:5555", "postgres", "postgres")
                .kafka("localhost:6666")
                .healthTimeout(Duration.ofSeconds(60));
        LocalStackProcesses.ALL_SERVICES.forEach(name -> builder.port(name, FreePorts.pick()).heapMb(name, 32));
        return builder;
    }

    private static String env(ServiceProcess service, String name) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(service.baseUrl() + "/env/" + name)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }
}
