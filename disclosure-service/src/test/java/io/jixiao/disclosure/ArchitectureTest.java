package io.jixiao.disclosure;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.jixiao.support.testing.PackageRules;
import org.junit.jupiter.api.Test;

/**
 * The packages form no cycle; each feature's own package is pure (the fold, the rules, the aggregate, the journal's
 * codec, the narrative parser and matcher, the service's events, the feed's cursor and signature): Spring, SQL and Kafka live in its {@code web} or
 * {@code store} sub-package.
 */
class ArchitectureTest {
    private static final String ROOT = "io.jixiao.disclosure";
    private static final JavaClasses CLASSES = PackageRules.production(ROOT);

    @Test
    void everyAppliedEventIsPublishedOrMarkedUnpublished() {
        io.jixiao.support.testing.PublishedLanguage.check(CLASSES);
    }

    @Test
    void thePackagesFormNoCycle() {
        PackageRules.freeOfCycles(ROOT).check(CLASSES);
    }

    @Test
    void theFoldTheRulesTheAggregateTheCodecAndTheNarrativeDependOnNoFrameworkButAxonsAnnotations() {
        PackageRules.pure(ROOT + ".events", ROOT + ".report", ROOT + ".finding", ROOT + ".publication",
                ROOT + ".journal", ROOT + ".narrative", ROOT + ".feed").check(CLASSES);
    }

    @Test
    void theServicesOwnEventsDependOnNothingElseOfTheService() {
        classes().that().resideInAPackage(ROOT + ".events..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(ROOT + ".events..", "java..",
                        "io.jixiao.events..", "com.fasterxml.jackson.annotation..")
                .check(CLASSES);
    }

    @Test
    void theNarrativeParserAndMatcherDoNotReachIntoTheirWebLayer() {
        noClasses().that().resideInAPackage(ROOT + ".narrative")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".narrative.web..")
                .check(CLASSES);
    }
}
