package io.jixiao.gateway.security;

import static io.jixiao.gateway.security.Role.AUDITOR;
import static io.jixiao.gateway.security.Role.DASHBOARD;
import static io.jixiao.gateway.security.Role.EVALUATOR;
import static io.jixiao.gateway.security.Role.FINANCE;
import static io.jixiao.gateway.security.Role.INTEGRATION;
import static io.jixiao.gateway.security.Role.UNIT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.jixiao.gateway.problem.GatewayProblem;
import io.jixiao.gateway.testing.GatewayWithStubTest;
import io.jixiao.gateway.testing.RecordedRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every route family × role × own/other district × no token, at the gateway against the stub:
 * the status, and that a refused request never reached a service. The expectations are written
 * out here independently of {@link AccessPolicy}.
 */
class AccessMatrixTest extends GatewayWithStubTest {

    private static final String OWN = "430203";
    private static final String OTHER = "430211";

    /**
     * One kind of request; {@code {d}} is replaced by the district under test. {@code everyDistrict}: the path acts
     * across districts (projection admin), so only a caller of every district ({@code *}) may use it.
     */
    record Family(String name, HttpMethod method, String path, Set<Role> allowed, boolean everyDistrict) {

        Family(String name, HttpMethod method, String path, Set<Role> allowed) {
            this(name, method, path, allowed, false);
        }

        boolean namesDistrict() {
            return path.contains("{d}");
        }

        String pathIn(String district) {
            return path.replace("{d}", district);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static final List<Family> FAMILIES = List.of(
            new Family("budget: read project", HttpMethod.GET, "/api/budget/districts/{d}/projects/p-1",
                    Set.of(FINANCE, UNIT, AUDITOR, INTEGRATION)),
            new Family("budget: project history", HttpMethod.GET, "/api/budget/districts/{d}/projects/p-1/history",
                    Set.of(FINANCE, UNIT, AUDITOR, INTEGRATION)),
            new Family("budget: register unit", HttpMethod.PUT, "/api/budget/districts/{d}/units/u-1",
                    Set.of(FINANCE, INTEGRATION)),
            new Family("budget: appropriate", HttpMethod.POST,
                    "/api/budget/districts/{d}/projects/p-1/appropriations", Set.of(FINANCE, INTEGRATION)),
            new Family("budget: reverse an entry (红字冲销)", HttpMethod.POST,
                    "/api/budget/districts/{d}/projects/p-1/reversals", Set.of(FINANCE)),
            new Family("budget: three-public", HttpMethod.POST, "/api/budget/districts/{d}/years/2023/three-public",
                    Set.of(FINANCE, INTEGRATION)),
            new Family("budget: bulk import", HttpMethod.POST, "/api/budget/imports", Set.of(FINANCE, INTEGRATION)),
            new Family("budget: import jobs", HttpMethod.GET, "/api/budget/imports", Set.of(FINANCE, INTEGRATION, AUDITOR)),
            new Family("budget: an import job", HttpMethod.GET, "/api/budget/imports/j-1",
                    Set.of(FINANCE, INTEGRATION, AUDITOR)),
            new Family("budget: an import job's results", HttpMethod.GET, "/api/budget/imports/j-1/results",
                    Set.of(FINANCE, INTEGRATION, AUDITOR)),
            new Family("budget: an import job's results as JSON lines", HttpMethod.GET,
                    "/api/budget/imports/j-1/results.ndjson", Set.of(FINANCE, INTEGRATION, AUDITOR)),
            new Family("budget: an import job's results as CSV", HttpMethod.GET, "/api/budget/imports/j-1/results.csv",
                    Set.of(FINANCE, INTEGRATION, AUDITOR)),
            new Family("budget: no write to an import job", HttpMethod.POST, "/api/budget/imports/j-1", Set.of()),
            new Family("evaluation: read goal", HttpMethod.GET, "/api/evaluation/districts/{d}/goals/g-1",
                    Set.of(FINANCE, UNIT, AUDITOR, EVALUATOR)),
            new Family("evaluation: declare goal", HttpMethod.PUT, "/api/evaluation/districts/{d}/goals/g-1",
                    Set.of(FINANCE, UNIT)),
            new Family("evaluation: approve goal", HttpMethod.POST, "/api/evaluation/districts/{d}/goals/g-1/approval",
                    Set.of(FINANCE)),
            new Family("evaluation: monitoring", HttpMethod.POST, "/api/evaluation/districts/{d}/goals/g-1/monitoring",
                    Set.of(FINANCE, UNIT)),
            new Family("evaluation: corrective action", HttpMethod.POST,
                    "/api/evaluation/districts/{d}/goals/g-1/monitoring/o-1/corrective-actions", Set.of(FINANCE, UNIT)),
            new Family("evaluation: decide on a deviation (监控结果处理)", HttpMethod.POST,
                    "/api/evaluation/districts/{d}/goals/g-1/monitoring/o-1/deviations/o-1.dev/decisions",
                    Set.of(FINANCE)),
            new Family("evaluation: open evaluation", HttpMethod.PUT, "/api/evaluation/districts/{d}/evaluations/e-1",
                    Set.of(FINANCE)),
            new Family("evaluation: self-evaluation", HttpMethod.POST,
                    "/api/evaluation/districts/{d}/evaluations/e-1/self", Set.of(FINANCE, UNIT)),
            new Family("evaluation: accept self-evaluation", HttpMethod.POST,
                    "/api/evaluation/districts/{d}/evaluations/e-1/self/acceptance", Set.of(FINANCE)),
            new Family("evaluation: return self-evaluation", HttpMethod.POST,
                    "/api/evaluation/districts/{d}/evaluations/e-1/self/return", Set.of(FINANCE)),
            new Family("evaluation: spot-check self-evaluation", HttpMethod.POST,
                    "/api/evaluation/districts/{d}/evaluations/e-1/self/spot-check", Set.of(FINANCE)),
            new Family("evaluation: commission key evaluation", HttpMethod.PUT,
                    "/api/evaluation/districts/{d}/evaluations/e-1/key", Set.of(FINANCE)),
            new Family("evaluation: key evaluation completed", HttpMethod.POST,
                    "/api/evaluation/districts/{d}/evaluations/e-1/key/completion", Set.of(EVALUATOR)),
            new Family("evaluation: change rules", HttpMethod.PUT, "/api/evaluation/districts/{d}/settings",
                    Set.of(FINANCE)),
            new Family("budget: change settings", HttpMethod.PUT, "/api/budget/districts/{d}/settings",
                    Set.of(FINANCE)),
            new Family("budget: read settings", HttpMethod.GET, "/api/budget/districts/{d}/settings",
                    Set.of(FINANCE, UNIT, AUDITOR, INTEGRATION)),
            new Family("evaluation: apply result", HttpMethod.POST,
                    "/api/evaluation/districts/{d}/evaluations/e-1/application", Set.of(FINANCE)),
            new Family("evaluation: preview a result-application policy (预演)", HttpMethod.POST,
                    "/api/evaluation/districts/{d}/years/2022/result-application/preview", Set.of(FINANCE, AUDITOR)),
            new Family("evaluation: apply a result-application policy", HttpMethod.POST,
                    "/api/evaluation/districts/{d}/years/2022/result-application/apply", Set.of(FINANCE)),
            new Family("evaluation: open rectification", HttpMethod.PUT,
                    "/api/evaluation/districts/{d}/rectifications/r-1", Set.of(FINANCE)),
            new Family("evaluation: erase a person's data (加密删除)", HttpMethod.POST,
                    "/api/evaluation/districts/{d}/personal-data/p-1/erasure", Set.of(FINANCE)),
            new Family("evaluation: list rectifications", HttpMethod.GET,
                    "/api/evaluation/districts/{d}/rectifications",
                    Set.of(FINANCE, UNIT, AUDITOR, EVALUATOR)),
            new Family("evaluation: rectification with history", HttpMethod.GET,
                    "/api/evaluation/districts/{d}/rectifications/r-1", Set.of(FINANCE, UNIT, AUDITOR, EVALUATOR)),
            new Family("evaluation: rectification progress", HttpMethod.POST,
                    "/api/evaluation/districts/{d}/rectifications/r-1/progress", Set.of(UNIT)),
            new Family("evaluation: rectification done", HttpMethod.POST,
                    "/api/evaluation/districts/{d}/rectifications/r-1/completion", Set.of(UNIT)),
            new Family("evaluation: rectification sign-off", HttpMethod.POST,
                    "/api/evaluation/districts/{d}/rectifications/r-1/sign-off", Set.of(FINANCE)),
            new Family("evaluation: rectification return", HttpMethod.POST,
                    "/api/evaluation/districts/{d}/rectifications/r-1/return", Set.of(FINANCE)),
            new Family("reports: district report", HttpMethod.GET, "/api/reports/districts/{d}/years/2023",
                    Set.of(FINANCE, UNIT, AUDITOR, DASHBOARD)),
            new Family("reports: project timeline", HttpMethod.GET,
                    "/api/reports/districts/{d}/years/2023/projects/p-1", Set.of(FINANCE, UNIT, AUDITOR)),
            new Family("disclosure: a project's evaluation events", HttpMethod.GET,
                    "/api/disclosure/districts/{d}/projects/p-1/evaluation-events", Set.of(FINANCE, UNIT, AUDITOR)),
            new Family("budget: project history workbook (not for DASHBOARD)", HttpMethod.GET,
                    "/api/budget/districts/{d}/projects/p-1/history.xlsx", Set.of(FINANCE, UNIT, AUDITOR, INTEGRATION)),
            new Family("reports: data package", HttpMethod.GET,
                    "/api/reports/districts/{d}/years/2023/datapackage.zip", Set.of(FINANCE, UNIT, AUDITOR, DASHBOARD)),
            new Family("disclosure: findings workbook", HttpMethod.GET,
                    "/api/disclosure/districts/{d}/years/2023/findings.xlsx", Set.of(FINANCE, UNIT, AUDITOR, DASHBOARD)),
            new Family("reports: write", HttpMethod.POST, "/api/reports/districts/{d}/years/2023", Set.of()),
            new Family("disclosure: findings", HttpMethod.GET, "/api/disclosure/districts/{d}/years/2023/findings",
                    Set.of(FINANCE, UNIT, AUDITOR, DASHBOARD)),
            new Family("disclosure: check a draft's narrative", HttpMethod.POST,
                    "/api/disclosure/districts/{d}/years/2023/narrative-checks", Set.of(FINANCE, UNIT)),
            new Family("disclosure: kept narrative checks", HttpMethod.GET,
                    "/api/disclosure/districts/{d}/years/2023/narrative-checks", Set.of(FINANCE, AUDITOR)),
            new Family("disclosure: one kept narrative check", HttpMethod.GET,
                    "/api/disclosure/districts/{d}/years/2023/narrative-checks/c-1", Set.of(FINANCE, AUDITOR)),
            new Family("disclosure: publish package", HttpMethod.POST,
                    "/api/disclosure/districts/{d}/years/2023/units/u-1/packages", Set.of(UNIT)),
            new Family("audit: verify budget district", HttpMethod.GET, "/api/budget/districts/{d}/audit/verify",
                    Set.of(FINANCE, AUDITOR)),
            new Family("audit: export budget project", HttpMethod.GET,
                    "/api/budget/districts/{d}/projects/p-1/audit/export", Set.of(FINANCE, AUDITOR)),
            new Family("audit: export evaluation district", HttpMethod.GET,
                    "/api/evaluation/districts/{d}/audit/export", Set.of(FINANCE, AUDITOR)),
            new Family("audit: verify disclosure project", HttpMethod.GET,
                    "/api/disclosure/districts/{d}/projects/p-1/audit/verify", Set.of(FINANCE, AUDITOR)),
            new Family("audit: no write", HttpMethod.POST, "/api/budget/districts/{d}/audit/verify", Set.of()),
            new Family("audit: no write to export", HttpMethod.POST, "/api/evaluation/districts/{d}/audit/export",
                    Set.of()),
            new Family("audit: no write to keys", HttpMethod.PUT, "/api/budget/districts/{d}/audit/keys", Set.of()),
            new Family("audit: no write to a project's audit", HttpMethod.POST,
                    "/api/budget/districts/{d}/projects/p-1/audit/anchors", Set.of()),
            new Family("audit: sign budget anchors", HttpMethod.POST, "/api/budget/districts/{d}/audit/anchors",
                    Set.of(FINANCE)),
            new Family("audit: sign disclosure anchors", HttpMethod.POST,
                    "/api/disclosure/districts/{d}/audit/anchors", Set.of(FINANCE)),
            new Family("audit: public keys", HttpMethod.GET, "/api/evaluation/districts/{d}/audit/keys",
                    Set.of(FINANCE, AUDITOR)),
            new Family("feed: a district's events", HttpMethod.GET, "/api/feed/districts/{d}/events",
                    Set.of(FINANCE, AUDITOR, INTEGRATION)),
            new Family("feed: register a webhook", HttpMethod.POST, "/api/feed/webhooks", Set.of(INTEGRATION)),
            new Family("feed: own webhooks", HttpMethod.GET, "/api/feed/webhooks", Set.of(INTEGRATION)),
            new Family("feed: one webhook", HttpMethod.GET, "/api/feed/webhooks/w-1", Set.of(INTEGRATION)),
            new Family("feed: delete a webhook", HttpMethod.DELETE, "/api/feed/webhooks/w-1", Set.of(INTEGRATION)),
            new Family("admin: budget dead letters", HttpMethod.GET, "/api/budget/admin/dead-letters",
                    Set.of(FINANCE, AUDITOR), true),
            new Family("admin: evaluation dead letters", HttpMethod.GET, "/api/evaluation/admin/dead-letters",
                    Set.of(FINANCE, AUDITOR), true),
            new Family("admin: disclosure dead letters", HttpMethod.GET, "/api/disclosure/admin/dead-letters",
                    Set.of(FINANCE, AUDITOR), true),
            new Family("admin: budget processors' segments", HttpMethod.GET, "/api/budget/admin/processors",
                    Set.of(FINANCE, AUDITOR), true),
            new Family("admin: retry a dead letter", HttpMethod.POST, "/api/budget/admin/dead-letters/7/retry",
                    Set.of(FINANCE), true),
            new Family("admin: rebuild projections", HttpMethod.POST, "/api/disclosure/admin/projections/rebuild",
                    Set.of(FINANCE), true));

    static Stream<Arguments> familyRoleDistrict() {
        return FAMILIES.stream().flatMap(family -> Arrays.stream(Role.values()).flatMap(role -> Stream.of(
                Arguments.of(family, role, OWN, expectedStatus(family, role, true)),
                Arguments.of(family, role, OTHER, expectedStatus(family, role, false)))));
    }

    static Stream<Family> families() {
        return FAMILIES.stream();
    }

    static Stream<Arguments> acrossDistrictsRole() {
        return FAMILIES.stream().filter(Family::everyDistrict).flatMap(family -> Arrays.stream(Role.values())
                .map(role -> Arguments.of(family, role, family.allowed().contains(role) ? 200 : 403)));
    }

    /** The tokens of {@link #roleAndDistrictDecide} name one district: never enough for an across-districts path. */
    private static int expectedStatus(Family family, Role role, boolean ownDistrict) {
        boolean districtOk = !family.everyDistrict() && (ownDistrict || !family.namesDistrict());
        return family.allowed().contains(role) && districtOk ? 200 : 403;
    }

    @ParameterizedTest(name = "{0} as {1} in {2} -> {3}")
    @MethodSource("familyRoleDistrict")
    void roleAndDistrictDecide(Family family, Role role, String district, int expectedStatus)
            throws InterruptedException {
        String subject = "user-" + role.name().toLowerCase();
        WebTestClient caller = clientWithToken(TOKENS.issue(subject, List.of(role), OWN));

        send(caller, family, district).expectStatus().isEqualTo(expectedStatus).expectBody().returnResult();

        if (expectedStatus == 200) {
            RecordedRequest received = STUB.nextRequest();
            assertThat(received.pathAndQuery()).isEqualTo(family.pathIn(district));
            assertThat(received.caller().subject()).isEqualTo(subject);
        } else {
            assertThat(STUB.receivedNothing()).as("refused request reached a service").isTrue();
        }
    }

    @ParameterizedTest(name = "{0} as {1} of every district -> {2}")
    @MethodSource("acrossDistrictsRole")
    void acrossDistrictsPathsNeedEveryDistrict(Family family, Role role, int expectedStatus) throws InterruptedException {
        WebTestClient everywhere = clientWithToken(TOKENS.issue("admin-" + role.name().toLowerCase(), List.of(role), "*"));
        send(everywhere, family, OWN).expectStatus().isEqualTo(expectedStatus).expectBody().returnResult();
        if (expectedStatus == 200) {
            assertThat(STUB.nextRequest().pathAndQuery()).isEqualTo(family.path());
        } else {
            assertThat(STUB.receivedNothing()).as("refused request reached a service").isTrue();
        }
    }

    @ParameterizedTest(name = "{0} for a caller of several districts but not all -> 403")
    @MethodSource("families")
    void acrossDistrictsPathsRefuseAListOfDistricts(Family family) {
        if (!family.everyDistrict()) {
            return;
        }
        WebTestClient several = clientWithToken(TOKENS.issue("bureau", List.of(Role.values()), OWN, OTHER, "430511",
                "430212"));
        send(several, family, OWN).expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(GatewayProblem.FORBIDDEN.type());
        assertThat(STUB.receivedNothing()).isTrue();
    }

    @ParameterizedTest(name = "{0} without a token -> 401")
    @MethodSource("families")
    void noTokenIsRefused(Family family) {
        send(anonymousClient(), family, OWN)
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer realm=\"jixiao\"")
                .expectBody().jsonPath("$.type").isEqualTo(GatewayProblem.UNAUTHENTICATED.type());
        assertThat(STUB.receivedNothing()).as("refused request reached a service").isTrue();
    }

    @ParameterizedTest(name = "{0} in another district -> 403 problem")
    @MethodSource("families")
    void refusalsAreProblems(Family family) {
        if (!family.namesDistrict()) {
            return;
        }
        WebTestClient wrongDistrict = clientWithToken(TOKENS.issue("outsider", List.of(Role.values()), "430511"));
        send(wrongDistrict, family, OWN)
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(GatewayProblem.FORBIDDEN.type())
                .jsonPath("$.status").isEqualTo(403)
                .jsonPath("$.instance").isEqualTo(family.pathIn(OWN));
        assertThat(STUB.receivedNothing()).isTrue();
    }

    @ParameterizedTest(name = "{0} for a caller of all districts")
    @MethodSource("families")
    void aStarCoversEveryDistrict(Family family) {
        if (family.allowed().isEmpty()) {
            return;
        }
        WebTestClient everywhere = clientWithToken(TOKENS.issue("bureau", List.copyOf(family.allowed()), "*"));
        send(everywhere, family, OTHER).expectStatus().isOk().expectBody().returnResult();
    }

    private static WebTestClient.ResponseSpec send(WebTestClient caller, Family family, String district) {
        WebTestClient.RequestBodySpec request = caller.method(family.method()).uri(family.pathIn(district));
        if (family.method() == HttpMethod.GET) {
            return request.exchange();
        }
        return request.contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange();
    }
}
