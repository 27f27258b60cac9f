package io.jixiao.support.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Package-level architecture rules every service's {@code ArchitectureTest} can state in one line, by package rather
 * than by lists of class names: no cycles between a service's top-level packages, and pure packages (a fold, the
 * domain rules, an aggregate, the service's own events) that depend on no framework beyond Axon's annotations.
 */
public final class PackageRules {
    /** What a pure package may not use: Spring, JDBC, Kafka, servlets, or the service's web layer. */
    private static final String[] FRAMEWORKS = {"org.springframework..", "java.sql..", "javax.sql..",
            "org.apache.kafka..", "jakarta.servlet.."};

    private PackageRules() {
    }

    /** The service's production classes under {@code root} (tests excluded). */
    public static JavaClasses production(String root) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(root);
    }

    /** No cycle between the top-level packages of {@code root} (each {@code root.x..} is one slice). */
    public static ArchRule freeOfCycles(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles()
                .as("the packages of " + root + " form no cycle");
    }

    /**
     * The classes directly in each of {@code packages} (not their sub-packages, where a package keeps its web and
     * configuration) use no Spring, JDBC, Kafka or servlet API.
     */
    public static ArchRule pure(String... packages) {
        return noClasses().that().resideInAnyPackage(packages)
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .as(String.join(", ", packages) + " depend on no Spring, JDBC, Kafka or servlet API");
    }
}
