package io.jixiao.support.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SupportDefaultsTest {

    @Test
    void theAdminPathFollowsTheApplicationName() {
        assertThat(SupportDefaults.adminPath("budget-service")).contains("/api/budget/admin");
        assertThat(SupportDefaults.adminPath("evaluation-service")).contains("/api/evaluation/admin");
        assertThat(SupportDefaults.adminPath("disclosure-service")).contains("/api/disclosure/admin");
        assertThat(SupportDefaults.adminPath(null)).isEmpty();
        assertThat(SupportDefaults.adminPath("../x")).isEmpty();
    }

    @Test
    void theApiPathOfTheAuditEndpointsFollowsTheApplicationName() {
        assertThat(SupportDefaults.apiPath("budget-service")).contains("/api/budget");
        assertThat(SupportDefaults.apiPath("disclosure-service")).contains("/api/disclosure");
        assertThat(SupportDefaults.apiPath(null)).isEmpty();
        assertThat(SupportDefaults.apiPath("../x")).isEmpty();
    }
}
