package com.revos.voice.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import org.jspecify.annotations.Nullable;

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
     * knows nothing of the web edge ({@code service-support}), no two aggregates depend on each other, directly
     * or around a cycle, and one aggregate's adapters never reach into another's: what crosses an aggregate's
     * border is its {@code application} ports and its {@code model}.
     */
    public static List<ArchRule> aggregateRules(String basePackage) {
        return List.of(
                noClasses().that().resideInAPackage("..model..")
                        .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson..", "tools.jackson..",
                                "com.revos.voice.service..")
                        .because("the model is plain Java: JSON and problem+json belong to the edge"),
                com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices()
                        .matching(basePackage + ".(*)..").should().beFreeOfCycles()
                        .because("aggregates depend one way; what ties two together is wired at the root"),
                com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
                        .that().resideInAPackage(basePackage + ".*.infrastructure..")
                        .should(stayInsideTheirAggregate(basePackage))
                        .because("an aggregate is reached through its ports, never through another's adapters"));
    }

    private static ArchCondition<JavaClass> stayInsideTheirAggregate(String basePackage) {
        return new ArchCondition<>("depend on no other aggregate's infrastructure") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                var own = aggregate(basePackage, item.getPackageName());
                for (var dependency : item.getDirectDependenciesFromSelf()) {
                    var target = dependency.getTargetClass().getPackageName();
                    var other = aggregate(basePackage, target);
                    if (other != null && !other.equals(own) && target.contains(".infrastructure")) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    /** The aggregate a package belongs to ({@code base.call.infrastructure} → {@code call}), or null outside one. */
    private static @Nullable String aggregate(String basePackage, String packageName) {

        if (!packageName.startsWith(basePackage + ".")) {
            return null;
        }
        var rest = packageName.substring(basePackage.length() + 1);
        var dot = rest.indexOf('.');
        return dot < 0 ? null : rest.substring(0, dot);
    }

    /**
     * Package-private by default: a public type in an {@code infrastructure} package must be used from outside
     * its package (by production code or by a test), or it should not be public. Checked against the production
     * and test classes of {@code basePackage} together, since a test reaching an adapter is a use; {@code subjects}
     * says which of the imported classes are held to it (the production ones).
     */
    public static ArchRule publicInfrastructureIsUsedOutsideItsPackage(
            com.tngtech.archunit.base.DescribedPredicate<? super JavaClass> subjects) {
        return com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
                .that().resideInAPackage("..infrastructure..").and().arePublic().and().areTopLevelClasses()
                .and(subjects)
                .should(new ArchCondition<>("be used from outside their package") {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        var usedOutside = item.getDirectDependenciesToSelf().stream()
                                .anyMatch(d -> !d.getOriginClass().getPackageName().equals(item.getPackageName()));
                        if (!usedOutside) {
                            events.add(SimpleConditionEvent.violated(item, item.getName()
                                    + " is public but nothing outside its package uses it: make it package-private"));
                        }
                    }
                })
                .because("package-private by default: what is public is what another package needs")
                .allowEmptyShould(true);
    }

    /** Checks the stricter aggregate rules too, and that public adapters are public for a reason. */
    public static void checkAggregates(String basePackage) {
        var classes = importProduction(basePackage);
        aggregateRules(basePackage).forEach(rule -> rule.check(classes));
        publicInfrastructureIsUsedOutsideItsPackage(PRODUCTION).check(new ClassFileImporter().importPackages(basePackage));
    }

    private static final com.tngtech.archunit.base.DescribedPredicate<JavaClass> PRODUCTION =
            com.tngtech.archunit.base.DescribedPredicate.describe("are production classes",
                    javaClass -> javaClass.getSource().map(source -> !source.getUri().toString()
                            .contains("/test-classes/")).orElse(true));

    /** Checks every rule against the service's production classes. */
    public static void check(String basePackage) {
        var classes = importProduction(basePackage);
        rules().forEach(rule -> rule.allowEmptyShould(true).check(classes));
    }
}
