package io.jixiao.gateway.security;

import static io.jixiao.gateway.security.AccessRule.Access.READ;
import static io.jixiao.gateway.security.AccessRule.Access.WRITE;
import static io.jixiao.gateway.security.Role.AUDITOR;
import static io.jixiao.gateway.security.Role.DASHBOARD;
import static io.jixiao.gateway.security.Role.EVALUATOR;
import static io.jixiao.gateway.security.Role.FINANCE;
import static io.jixiao.gateway.security.Role.INTEGRATION;
import static io.jixiao.gateway.security.Role.UNIT;

import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;

/**
 * Who may do what through the gateway. A request is allowed when some row matches its method
 * (READ = GET/HEAD, WRITE = POST/PUT/PATCH/DELETE) and path, the caller holds one of the row's
 * roles and, when the path names a district ({@code {d}}), the caller may act in that district.
 * Rows made with {@link AccessRule#acrossDistricts} act across districts (the projection admin of every
 * service) and need a caller of every district ({@code *}).
 * Rows made with {@link AccessRule#onlyFor} grant nothing: they narrow what broader rows grant to the roles they name
 * (separation of duties).
 * A path that no row covers is unknown (404); everything else is refused (403).
 */
public final class AccessPolicy {

    /** The decision for one request. */
    public enum Decision { ALLOW, DENY, UNKNOWN_PATH }

    private static final List<AccessRule> RULES = List.of(
            // access | path                                                                  | roles
            // budget-service
            AccessRule.of(READ,  "/api/budget/districts/{d}/**",                                FINANCE, UNIT, AUDITOR, INTEGRATION),
            AccessRule.of(WRITE, "/api/budget/districts/{d}/**",                                FINANCE, INTEGRATION),
            AccessRule.onlyFor(WRITE, "/api/budget/districts/{d}/settings",                     FINANCE),
            AccessRule.onlyFor(WRITE, "/api/budget/districts/{d}/projects/{p}/reversals",       FINANCE),
            // bulk import: the districts are in the body; budget-service checks each row against X-Jixiao-Districts
            AccessRule.of(WRITE, "/api/budget/imports",                                         FINANCE, INTEGRATION),
            // import jobs (a job's districts are its lines'): budget-service lets a reader see its own jobs and those
            // whose every district it acts in
            AccessRule.of(READ,  "/api/budget/imports",                                         FINANCE, INTEGRATION, AUDITOR),
            AccessRule.of(READ,  "/api/budget/imports/{jobId}",                                 FINANCE, INTEGRATION, AUDITOR),
            AccessRule.of(READ,  "/api/budget/imports/{jobId}/{results:results|results\\.ndjson|results\\.csv}", FINANCE, INTEGRATION, AUDITOR),
            // evaluation-service
            AccessRule.of(READ,  "/api/evaluation/districts/{d}/**",                            FINANCE, UNIT, AUDITOR, EVALUATOR),
            AccessRule.of(WRITE, "/api/evaluation/districts/{d}/**",                            FINANCE),
            AccessRule.of(WRITE, "/api/evaluation/districts/{d}/goals/{goalId}",                UNIT),
            AccessRule.of(WRITE, "/api/evaluation/districts/{d}/goals/{goalId}/monitoring/**",  UNIT),
            // 监控结果处理 (暂缓支付, 调整, 收回, 恢复支付) of a deviation: the bureau only, not the unit that monitors
            AccessRule.onlyFor(WRITE, "/api/evaluation/districts/{d}/goals/{goalId}/monitoring/{o}/deviations/{dev}/decisions", FINANCE),
            AccessRule.of(WRITE, "/api/evaluation/districts/{d}/evaluations/{id}/self",         UNIT),
            AccessRule.of(WRITE, "/api/evaluation/districts/{d}/evaluations/{id}/key",          EVALUATOR),
            AccessRule.of(WRITE, "/api/evaluation/districts/{d}/evaluations/{id}/key/**",       EVALUATOR),
            AccessRule.onlyFor(WRITE, "/api/evaluation/districts/{d}/evaluations/{id}/key",     FINANCE),
            AccessRule.onlyFor(WRITE, "/api/evaluation/districts/{d}/evaluations/{id}/key/completion", EVALUATOR),
            AccessRule.onlyFor(WRITE, "/api/evaluation/districts/{d}/evaluations/{id}/self/acceptance", FINANCE),
            AccessRule.onlyFor(WRITE, "/api/evaluation/districts/{d}/evaluations/{id}/self/return",     FINANCE),
            AccessRule.onlyFor(WRITE, "/api/evaluation/districts/{d}/evaluations/{id}/self/spot-check", FINANCE),
            // 结果应用预演 is a POST that records nothing: the bureau and its auditors; applying a policy: the bureau
            AccessRule.of(WRITE, "/api/evaluation/districts/{d}/years/{y}/result-application/preview", AUDITOR),
            AccessRule.onlyFor(WRITE, "/api/evaluation/districts/{d}/years/{y}/result-application/preview", FINANCE, AUDITOR),
            AccessRule.onlyFor(WRITE, "/api/evaluation/districts/{d}/years/{y}/result-application/apply",   FINANCE),
            // 整改: FINANCE opens, signs off and returns (the broad write row); only the owner UNIT records progress and
            // reports done (its unit is checked inside evaluation-service); reads as every evaluation read
            AccessRule.of(WRITE, "/api/evaluation/districts/{d}/rectifications/{id}/{act:progress|completion}", UNIT),
            AccessRule.onlyFor(WRITE, "/api/evaluation/districts/{d}/rectifications/{id}/{act:progress|completion}", UNIT),
            // 加密删除 of a person's data: the bureau only (the broad write row; stated here so no later row widens it)
            AccessRule.onlyFor(WRITE, "/api/evaluation/districts/{d}/personal-data/{personId}/erasure", FINANCE),
            // disclosure-service
            AccessRule.of(READ,  "/api/reports/districts/{d}/**",                               FINANCE, UNIT, AUDITOR, DASHBOARD),
            AccessRule.of(READ,  "/api/disclosure/districts/{d}/**",                            FINANCE, UNIT, AUDITOR, DASHBOARD),
            AccessRule.of(WRITE, "/api/disclosure/districts/{d}/years/{y}/units/{unitId}/packages/**", UNIT),
            AccessRule.of(WRITE, "/api/disclosure/districts/{d}/years/{y}/narrative-checks",    FINANCE, UNIT),
            AccessRule.onlyFor(READ, "/api/disclosure/districts/{d}/years/{y}/narrative-checks/**", FINANCE, AUDITOR),
            // the audit of each service's event store (verify its hash chains, export them): FINANCE and AUDITOR, read only
            AccessRule.onlyFor(READ, "/api/*/districts/{d}/audit/**",                            FINANCE, AUDITOR),
            AccessRule.onlyFor(READ, "/api/*/districts/{d}/projects/{p}/audit/**",               FINANCE, AUDITOR),
            // one write: a FINANCE caller of the district signs its chain heads (a signed anchor); nothing else writes
            AccessRule.of(WRITE,      "/api/*/districts/{d}/audit/anchors",                      FINANCE),
            AccessRule.onlyFor(WRITE, "/api/*/districts/{d}/audit/**",                           FINANCE),
            AccessRule.onlyFor(WRITE, "/api/*/districts/{d}/audit/{what:verify|export|keys}"),
            AccessRule.onlyFor(WRITE, "/api/*/districts/{d}/projects/{p}/audit/**"),
            // project histories and timelines are for the bureau, units and auditors, not wall dashboards
            AccessRule.onlyFor(READ, "/api/reports/districts/{d}/years/{y}/projects/**",        FINANCE, UNIT, AUDITOR),
            AccessRule.onlyFor(READ, "/api/disclosure/districts/{d}/projects/**",               FINANCE, UNIT, AUDITOR),
            // the event feed (disclosure-service): a district's published events; not DASHBOARD (events name actors and
            // subjects) nor UNIT (a district's events are not one unit's). Webhooks: INTEGRATION only, the service
            // checks their districts against the token's and answers only the caller's own subscriptions
            AccessRule.of(READ,  "/api/feed/districts/{d}/events",                              FINANCE, AUDITOR, INTEGRATION),
            AccessRule.of(READ,  "/api/feed/webhooks",                                          INTEGRATION),
            AccessRule.of(WRITE, "/api/feed/webhooks",                                          INTEGRATION),
            AccessRule.of(READ,  "/api/feed/webhooks/{webhookId}",                              INTEGRATION),
            AccessRule.of(WRITE, "/api/feed/webhooks/{webhookId}",                              INTEGRATION),
            // overview across the caller's districts: disclosure-service answers only the districts in the token
            AccessRule.of(READ,  "/api/disclosure/overview",                                    FINANCE, UNIT, AUDITOR, DASHBOARD),
            // the workbench: who the session is (answered by the gateway itself)
            AccessRule.of(READ,  "/api/session",                                                FINANCE, UNIT, EVALUATOR, AUDITOR, DASHBOARD, INTEGRATION),
            // the published event contract (JSON Schemas, AsyncAPI), answered by the gateway: every signed-in role
            AccessRule.of(READ,  "/api/contract/**",                                            FINANCE, UNIT, EVALUATOR, AUDITOR, DASHBOARD, INTEGRATION),
            // every service's projection admin (dead letters, retry, rebuild): across districts, so only for `*`
            AccessRule.acrossDistricts(READ,  "/api/*/admin/**",                                  FINANCE, AUDITOR),
            AccessRule.acrossDistricts(WRITE, "/api/*/admin/**",                                  FINANCE));

    /** The decision for a caller (null when no token was sent) on one request. */
    public Decision decide(Caller caller, HttpMethod method, PathContainer path) {
        if (RULES.stream().noneMatch(rule -> rule.coversPath(path))) {
            return Decision.UNKNOWN_PATH;
        }
        if (caller != null && RULES.stream().anyMatch(rule -> rule.grants(caller, method, path))
                && RULES.stream().noneMatch(rule -> rule.refuses(caller, method, path))) {
            return Decision.ALLOW;
        }
        return Decision.DENY;
    }
}
