package io.jixiao.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A realistic mix of budget commands over many projects in several districts: appropriations,
 * adjustments and expenditures, sized so that no command breaks a rule (every answer should be 201).
 */
public final class Workload {
    public static final int YEAR = 2026;

    /** One project the load works on. */
    public record Target(String district, String projectId) {
        public String path() {
            return "/api/budget/districts/" + district + "/projects/" + projectId;
        }
    }

    /** One command: where it goes and its body. */
    public record Command(Target target, String path, String body) {
    }

    private final List<Target> targets = new ArrayList<>();

    public Workload(int districts, int projectsPerDistrict, String prefix) {
        for (int d = 0; d < districts; d++) {
            String district = String.format("99%04d", d + 1);
            for (int p = 0; p < projectsPerDistrict; p++) {
                targets.add(new Target(district, prefix + "-" + p));
            }
        }
    }

    public List<Target> targets() {
        return targets;
    }

    public List<String> districts() {
        return targets.stream().map(Target::district).distinct().toList();
    }

    /** Registers the units and projects and gives each project a budget large enough for any run. */
    public void setUp(Api api) {
        for (String district : districts()) {
            api.require("PUT", "/api/budget/districts/" + district + "/settings", "{\"goalBeforeBudget\":false}");
            api.require("PUT", "/api/budget/districts/" + district + "/units/bench", "{\"name\":\"基准测试单位\"}");
        }
        for (Target t : targets) {
            api.require("PUT", t.path(), "{\"unitId\":\"bench\",\"name\":\"基准测试项目\",\"category\":\"专项资金\",\"fiscalYear\":" + YEAR + "}");
            api.require("POST", t.path() + "/appropriations",
                    "{\"amount\":\"100000000.00\",\"source\":\"一般公共预算\",\"date\":\"" + YEAR + "-01-10\"}");
        }
    }

    /** 40% appropriations, 20% adjustments, 40% expenditures, on a random project. */
    public Command next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Target t = targets.get(random.nextInt(targets.size()));
        int kind = random.nextInt(10);
        if (kind < 4) {
            return new Command(t, t.path() + "/appropriations",
                    "{\"amount\":\"100.00\",\"source\":\"一般公共预算\",\"date\":\"" + YEAR + "-03-01\"}");
        }
        if (kind < 6) {
            return new Command(t, t.path() + "/adjustments",
                    "{\"amount\":\"1.00\",\"basis\":\"MID_YEAR\",\"reason\":\"基准\",\"date\":\"" + YEAR + "-06-30\"}");
        }
        return new Command(t, t.path() + "/expenditures", "{\"amount\":\"1.00\",\"date\":\"" + YEAR + "-07-01\"}");
    }

    /** The same mix as {@link #next()} as a line of a bulk import (JSON lines), with its own line id. */
    public String nextImportLine(String lineId) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Target t = targets.get(random.nextInt(targets.size()));
        int kind = random.nextInt(10);
        String head = "{\"lineId\":\"" + lineId + "\",\"district\":\"" + t.district() + "\",\"projectId\":\""
                + t.projectId() + "\",";
        if (kind < 4) {
            return head + "\"op\":\"appropriate\",\"amount\":\"100.00\",\"source\":\"一般公共预算\",\"date\":\""
                    + YEAR + "-03-01\"}";
        }
        if (kind < 6) {
            return head + "\"op\":\"adjust\",\"amount\":\"1.00\",\"basis\":\"MID_YEAR\",\"reason\":\"基准\","
                    + "\"date\":\"" + YEAR + "-06-30\"}";
        }
        return head + "\"op\":\"spend\",\"amount\":\"1.00\",\"date\":\"" + YEAR + "-07-01\"}";
    }
}
