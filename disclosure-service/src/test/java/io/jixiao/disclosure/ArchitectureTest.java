package io.jixiao.disclosure;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The fold, the rules and the aggregate stay pure: no Spring, no SQL, no Kafka. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.jixiao.disclosure");

    @Test
    void everyAppliedEventIsPublishedOrMarkedUnpublished() {
        io.jixiao.support.testing.PublishedLanguage.check(CLASSES);
    }

    @Test
    void theFoldTheRulesAndTheAggregateDependOnNoFrameworkButAxonsAnnotations() {
        noClasses().that().haveSimpleNameStartingWith("DistrictReport").and().haveSimpleNameNotEndingWith("Controller")
                .and().haveSimpleNameNotEndingWith("Service")
                .or().haveSimpleNameStartingWith("DistrictLedger")
                .or().haveSimpleNameStartingWith("DistrictSettings")
                .or().haveSimpleNameStartingWith("MoneySections")
                .or().haveSimpleNameStartingWith("ExecutionSections")
                .or().haveSimpleNameStartingWith("PerformanceSection")
                .or().haveSimpleNameStartingWith("Narrator")
                .or().haveSimpleNameStartingWith("PublishedTables")
                .or().haveSimpleNameStartingWith("ReportTable")
                .or().haveSimpleNameStartingWith("ReportHtml")
                .or().haveSimpleNameStartingWith("ReportCsv")
                .or().haveSimpleNameStartingWith("Change")
                .or().haveSimpleNameStartingWith("RuleCatalogue")
                .or().haveSimpleNameStartingWith("DisclosureFacts")
                .or().haveSimpleNameStartingWith("DisclosurePackage")
                .or().haveSimpleNameStartingWith("EventCodec")
                .or().haveSimpleNameStartingWith("JournalEvent")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..",
                        "javax.sql..", "org.apache.kafka..")
                .check(CLASSES);
    }

    @Test
    void theNarrativeParserMatcherAndViewsArePure() {
        noClasses().that().resideInAPackage("io.jixiao.disclosure.narrative")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..",
                        "javax.sql..", "org.apache.kafka..", "jakarta.servlet..", "io.jixiao.disclosure.narrative.web..")
                .check(CLASSES);
    }
}
