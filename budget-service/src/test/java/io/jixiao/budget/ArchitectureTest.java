package io.jixiao.budget;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * Aggregates stay free of Spring, SQL and HTTP: what they need from outside comes through domain ports; the
 * feature packages form no cycle.
 */
@AnalyzeClasses(packages = "io.jixiao.budget", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule aggregatesAreFreeOfSpringAndSql = noClasses().that().areAnnotatedWith(Aggregate.class)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..",
                    "jakarta.servlet..", "io.jixiao.support.web..", "io.jixiao.support.projection..");

    @ArchTest
    static final ArchRule everyAppliedEventIsPublishedOrUnpublished =
            io.jixiao.support.testing.PublishedLanguage.EVERY_APPLIED_EVENT_IS_PUBLISHED_OR_UNPUBLISHED;

    @ArchTest
    static final ArchRule thePackagesFormNoCycle = io.jixiao.support.testing.PackageRules.freeOfCycles("io.jixiao.budget");

    @ArchTest
    static final ArchRule aggregatesDoNotCallViews = noClasses().that().areAnnotatedWith(Aggregate.class)
            .should().dependOnClassesThat().haveSimpleNameEndingWith("View");
}
