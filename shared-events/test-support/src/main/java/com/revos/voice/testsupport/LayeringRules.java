package com.revos.voice.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The layering every service keeps (split by aggregate, then by role): {@code model} depends on nothing of ours but
 * other models and the event contracts, {@code application} never on {@code infrastructure}, and neither on Spring,
 * Kafka, Debezium or JDBC. Transport stays at the edge, in {@code infrastructure}.
 */
public final class LayeringRules {

    private static final String[] TRANSPORT = {"org.springframework..", "org.apache.kafka..", "io.debezium..",
        "java.sql..", "javax.sql..", "jakarta.servlet..", "com.twilio.."};

    private LayeringRules() {
    }

    public static JavaClasses importProduction(String basePackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
    }

    public static List<ArchRule> rules() {
        return List.of(
                noClasses().that().resideInAPackage("..model..")
                        .should().dependOnClassesThat().resideInAnyPackage("..application..", "..infrastructure..")
                        .because("the domain model knows nothing of use cases or adapters"),
                noClasses().that().resideInAPackage("..application..")
                        .should().dependOnClassesThat().resideInAPackage("..infrastructure..")
                        .because("use cases talk to adapters through ports they own"),
                noClasses().that().resideInAnyPackage("..model..", "..application..")
                        .should().dependOnClassesThat().resideInAnyPackage(TRANSPORT)
                        .because("domain code has no Spring, Kafka, Debezium or JDBC imports")
                        .allowEmptyShould(true));
    }

    /**
     * The stricter rules a service whose aggregates are split cleanly keeps as well: its model parses no JSON and
     * knows nothing of the web edge ({@code service-support}), and no two aggregates depend on each other, directly
     * or around a cycle.
     */
    public static List<ArchRule> aggregateRules(String basePackage) {
        return List.of(
                noClasses().that().resideInAPackage("..model..")
                        .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson..", "tools.jackson..",
                                "com.revos.voice.service..")
                        .because("the model is plain Java: JSON and problem+json belong to the edge"),
                com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices()
                        .matching(basePackage + ".(*)..").should().beFreeOfCycles()
                        .because("aggregates depend one way; what ties two together is wired at the root"));
    }

    /** Checks the stricter aggregate rules too. */
    public static void checkAggregates(String basePackage) {
        var classes = importProduction(basePackage);
        aggregateRules(basePackage).forEach(rule -> rule.check(classes));
    }

    /** Checks every rule against the service's production classes. */
    public static void check(String basePackage) {
        var classes = importProduction(basePackage);
        rules().forEach(rule -> rule.allowEmptyShould(true).check(classes));
    }
}
