package io.jixiao.events.evaluation;

import java.time.LocalDate;
import java.util.List;

/**
 * 重点评价 commissioned from a third party: its type (项目类别 or 部门整体支出/财政政策/事前评估 …), subjects
 * (projects, or a unit), the money and number of projects it covers, the year it is carried out (whose
 * district report counts it) and the fiscal year of what it evaluates.
 */
public record KeyEvaluationCommissioned(String districtCode, String evaluationId, String type, List<String> projectIds,
                                        String subjectUnitId, String evaluator, long amountFen, int projectCount,
                                        int year, int subjectYear, LocalDate commissionedOn) {
}
