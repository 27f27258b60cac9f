package io.jixiao.disclosure.overview;

import io.jixiao.disclosure.report.DistrictReport;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One district-year on the overview: the district report's headline figures (万元 strings, percentages), taken from
 * the report the fold computes, and the compliance rules' open findings by severity.
 *
 * @param version  the district's change version these figures were folded at
 * @param foldedAt when they were folded (the figures are the journal as it stood then)
 */
public record OverviewLine(String districtCode, String districtName, int year, int projects, String budgetWan,
                           String spentWan, String executionRate, String goalSyncRate, String selfEvaluationCoverage,
                           List<DistrictReport.GradeCount> selfEvaluationGrades, int keyEvaluations,
                           List<DistrictReport.GradeCount> keyEvaluationGrades, int deviationsOpen,
                           Map<String, Integer> findingsOpen, long version, Instant foldedAt, Instant lastEventAt) {
}
