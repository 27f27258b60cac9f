package io.jixiao.disclosure.report;

import io.jixiao.disclosure.events.DisclosureKind;
import io.jixiao.disclosure.events.DisclosurePublished;
import io.jixiao.disclosure.report.DistrictLedger.DisclosurePackageState;
import io.jixiao.disclosure.report.DistrictLedger.Goal;
import io.jixiao.events.evaluation.GoalScope;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a unit's standing disclosure packages publish. A goal table lists goal ids or project ids; an entry
 * that names a project stands for that project's goal of the year (the approved one if there is one).
 */
public final class PublishedTables {
    public static final String PROJECT_GOALS = "项目支出绩效目标表";
    public static final String UNIT_GOALS = "部门整体支出绩效目标表";

    private PublishedTables() {
    }

    /** The packages of a year (and unit, if given; kind, if given) that are published and not retracted. */
    public static List<DisclosurePublished> standing(DistrictLedger ledger, int year, String unitId,
                                                     DisclosureKind kind) {
        List<DisclosurePublished> list = new ArrayList<>();
        for (DisclosurePackageState state : ledger.packages().values()) {
            if (!state.standing()) {
                continue;
            }
            DisclosurePublished p = state.published().orElseThrow();
            if (p.year() == year && (unitId == null || unitId.equals(p.unitId())) && (kind == null || kind == p.kind())) {
                list.add(p);
            }
        }
        return list;
    }

    /** The goal a table entry stands for: a goal id, or a project id (its goal of the year). */
    public static Optional<Goal> resolve(DistrictLedger ledger, String entry, int year) {
        Goal byId = ledger.goals().get(entry);
        if (byId != null) {
            return Optional.of(byId);
        }
        return goalOfProject(ledger, entry, year);
    }

    /** A project's goal of the year: the approved one if any, else any declared one (lowest id first). */
    public static Optional<Goal> goalOfProject(DistrictLedger ledger, String projectId, int year) {
        Goal found = null;
        for (Goal g : ledger.goals().values()) {
            if (g.scope() == GoalScope.PROJECT && projectId.equals(g.projectId()) && g.fiscalYear() == year) {
                if (g.approved()) {
                    return Optional.of(g);
                }
                if (found == null) {
                    found = g;
                }
            }
        }
        return Optional.ofNullable(found);
    }

    /** Ids of the goals a set of packages publishes in a table (all tables when {@code table} is null). */
    public static Set<String> goalIds(DistrictLedger ledger, List<DisclosurePublished> packages, String table,
                                      int year) {
        Set<String> ids = new LinkedHashSet<>();
        for (DisclosurePublished p : packages) {
            p.tables().forEach((name, entries) -> {
                if (table == null || table.equals(name)) {
                    for (String entry : entries) {
                        resolve(ledger, entry, year).ifPresent(g -> ids.add(g.goalId()));
                    }
                }
            });
        }
        return ids;
    }

    /** Ids of the projects whose goal tables the packages publish (entries naming a project or a project's goal). */
    public static Set<String> projectsCovered(DistrictLedger ledger, List<DisclosurePublished> packages, int year) {
        Set<String> ids = new LinkedHashSet<>();
        for (DisclosurePublished p : packages) {
            for (String entry : p.tables().getOrDefault(PROJECT_GOALS, List.of())) {
                Goal g = ledger.goals().get(entry);
                if (g != null && g.projectId() != null) {
                    ids.add(g.projectId());
                } else if (g == null) {
                    ids.add(entry);
                }
            }
        }
        return ids;
    }
}
