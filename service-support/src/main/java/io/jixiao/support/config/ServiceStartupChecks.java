package io.jixiao.support.config;

import io.jixiao.identity.CallerKey;
import java.util.ArrayList;
import java.util.List;

/**
 * What a service refuses to start with. Everywhere: no caller key (or one shorter than 32 characters), since then
 * no request could be attributed. Outside local mode ({@code jixiao.local-mode=false}, the default): a well-known
 * caller key, and an empty or well-known database password. The message names each setting and its variable.
 */
final class ServiceStartupChecks {

    private ServiceStartupChecks() {
    }

    static List<String> problems(boolean localMode, String callerKey, String databasePassword) {
        List<String> problems = new ArrayList<>();
        CallerKey.problem(callerKey, localMode)
                .ifPresent(problem -> problems.add("jixiao.caller-key (JIXIAO_CALLER_KEY) " + problem));
        if (!localMode) {
            if (databasePassword == null || databasePassword.isBlank()) {
                problems.add("spring.datasource.password (SPRING_DATASOURCE_PASSWORD) is empty");
            } else if (CallerKey.isWellKnown(databasePassword)) {
                problems.add("spring.datasource.password (SPRING_DATASOURCE_PASSWORD) is a well-known default value; "
                        + "set the database user's real password outside local mode");
            }
        }
        return problems;
    }

    static void check(boolean localMode, String callerKey, String databasePassword) {
        List<String> problems = problems(localMode, callerKey, databasePassword);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The service refuses to start: " + String.join("; ", problems));
        }
    }
}
