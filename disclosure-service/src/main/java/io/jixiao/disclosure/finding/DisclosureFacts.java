package io.jixiao.disclosure.finding;

import io.jixiao.disclosure.events.DisclosureKind;
import io.jixiao.disclosure.events.DisclosurePublished;
import io.jixiao.disclosure.report.DistrictLedger.Goal;
import io.jixiao.disclosure.report.DistrictLedger.Project;
import io.jixiao.disclosure.report.DistrictLedger;
import io.jixiao.disclosure.report.DistrictSettings;
import io.jixiao.disclosure.report.PublishedTables;
import io.jixiao.events.evaluation.GoalScope;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What the rules look at for one district-year, as the journal stood at {@code evaluatedAt}: the units in
 * scope (with budgeted projects or a standing package), their budgeted projects, goals and standing packages.
 */
public record DisclosureFacts(DistrictLedger ledger, int year, DistrictSettings settings, Instant evaluatedAt) {

    /** Units with a budgeted project of the year or a standing package of the year, by id. */
    public List<String> units() {
        TreeSet<String> ids = new TreeSet<>();
        for (Project p : ledger.projectsOf(year)) {
            if (p.budgeted() && p.unitId() != null) {
                ids.add(p.unitId());
            }
        }
        for (DisclosurePublished p : PublishedTables.standing(ledger, year, null, null)) {
            ids.add(p.unitId());
        }
        return new ArrayList<>(ids);
    }

    public String unitName(String unitId) {
        return ledger.unitName(unitId);
    }

    /** The unit's budgeted projects of the year (年初预算 appropriated), by id. */
    public List<Project> budgetedProjects(String unitId) {
        List<Project> list = new ArrayList<>();
        for (Project p : ledger.projectsOf(year)) {
            if (p.budgeted() && unitId.equals(p.unitId())) {
                list.add(p);
            }
        }
        list.sort(Comparator.comparing(Project::projectId));
        return list;
    }

    /** The unit's standing packages of the year (of a kind, or all when null), by package id. */
    public List<DisclosurePublished> standing(String unitId, DisclosureKind kind) {
        List<DisclosurePublished> list = PublishedTables.standing(ledger, year, unitId, kind);
        list.sort(Comparator.comparing(DisclosurePublished::packageId));
        return list;
    }

    /** The unit's approved goals of the year in a scope. */
    public List<Goal> approvedGoals(String unitId, GoalScope scope) {
        List<Goal> list = new ArrayList<>();
        for (Goal g : ledger.goals().values()) {
            if (g.fiscalYear() == year && g.approved() && g.scope() == scope && unitId.equals(unitOf(g))) {
                list.add(g);
            }
        }
        return list;
    }

    /** A goal's unit: its own, or its project's. */
    public String unitOf(Goal g) {
        if (g.unitId() != null) {
            return g.unitId();
        }
        Project p = g.projectId() == null ? null : ledger.projects().get(g.projectId());
        return p == null ? null : p.unitId();
    }

    /** The unit's budget approval as the records show it: the earliest appropriation of its projects of the year. */
    public Optional<LocalDate> budgetApproval(String unitId) {
        return budgetedProjects(unitId).stream().map(Project::firstAppropriationDate).flatMap(Optional::stream)
                .min(Comparator.naturalOrder());
    }

    /** When the unit's goals must be published: budget approval + the district's days. */
    public Optional<LocalDate> goalsDeadline(String unitId) {
        return budgetApproval(unitId).map(d -> d.plusDays(settings.goalsDeadlineDays()));
    }
}
