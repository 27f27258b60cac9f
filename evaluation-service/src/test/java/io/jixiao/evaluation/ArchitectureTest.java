package io.jixiao.evaluation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.jixiao.evaluation.assessment.Evaluation;
import io.jixiao.evaluation.assessment.ResultApplicationPolicy;
import io.jixiao.evaluation.goal.IndicatorTreeRules;
import io.jixiao.evaluation.goal.PerformanceGoal;
import io.jixiao.evaluation.goal.monitoring.ExecutionCheck;
import io.jixiao.evaluation.goal.monitoring.GoalMonitoring;
import io.jixiao.evaluation.goal.monitoring.KeyMonitoringSelection;
import io.jixiao.evaluation.personal.PersonErasure;
import io.jixiao.evaluation.rectification.Rectification;
import io.jixiao.evaluation.resultapplication.PolicyPreview;
import org.junit.jupiter.api.Test;

/** Aggregates and rule policies stay free of Spring, JDBC and Kafka; scoring is pure; the packages form no cycle. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.jixiao.evaluation");

    @Test
    void everyAppliedEventIsPublishedOrMarkedUnpublished() {
        io.jixiao.support.testing.PublishedLanguage.check(CLASSES);
    }

    @Test
    void aggregatesAndPoliciesDependOnNoInfrastructure() {
        ArchRule rule = noClasses().that().belongToAnyOf(PerformanceGoal.class, GoalMonitoring.class, Evaluation.class,
                        IndicatorTreeRules.class, ExecutionCheck.class, KeyMonitoringSelection.class,
                        ResultApplicationPolicy.class, PolicyPreview.class, Rectification.class,
                        PersonErasure.class)
                .or().resideInAPackage("..scoring..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..",
                        "org.apache.kafka..", "io.jixiao.evaluation.budget..")
                .because("command handlers validate and apply, policies are pure functions of their inputs");
        rule.check(CLASSES);
    }

    @Test
    void thePackagesFormNoCycle() {
        io.jixiao.support.testing.PackageRules.freeOfCycles("io.jixiao.evaluation").check(CLASSES);
    }

    @Test
    void scoringDependsOnNoAggregateOrView() {
        noClasses().that().resideInAPackage("..scoring..").should().dependOnClassesThat()
                .resideInAnyPackage("io.jixiao.evaluation.goal..", "io.jixiao.evaluation.assessment..",
                        "org.axonframework..")
                .check(CLASSES);
    }
}
