package io.jixiao.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.jixiao.gateway.testing.GatewayWithStubTest;
import org.junit.jupiter.api.Test;

/** A dashboard link may carry its token in the URL, for GET of report pages only. */
class ReportLinkTokenTest extends GatewayWithStubTest {

    private static String dashboardToken() {
        return TOKENS.issue(TokenSpec.of("wall-screen", List.of("DASHBOARD"), List.of("430202")));
    }

    @Test
    void aReportPageOpensWithTheTokenInTheQuery() {
        anonymousClient().get().uri("/api/reports/districts/430202/years/2022?format=html&access_token=" + dashboardToken())
                .exchange().expectStatus().isOk().expectBody().returnResult();
    }

    @Test
    void noOtherPathTakesATokenFromTheUrl() {
        String finance = TOKENS.issue(TokenSpec.of("alice", List.of("FINANCE"), List.of("430202")));
        anonymousClient().get().uri("/api/budget/districts/430202/projects/p?access_token=" + finance)
                .exchange().expectStatus().isUnauthorized();
        anonymousClient().post().uri("/api/disclosure/districts/430202/years/2022/units/u/packages?access_token=" + finance)
                .exchange().expectStatus().isUnauthorized();
        assertThat(STUB.receivedNothing()).isTrue();
    }
}
