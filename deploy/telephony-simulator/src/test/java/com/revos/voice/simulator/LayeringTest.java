package com.revos.voice.simulator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.junit.jupiter.api.Test;

/**
 * The layering of service-conventions.md, checked here with ArchUnit directly: the simulator deliberately depends
 * on no project module (it stands in for the SaaS), so it cannot use {@code LayeringRules} from test-support.
 */
class LayeringTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.revos.voice.simulator");

    @Test
    void model_knows_nothing_of_use_cases_or_adapters() {
        noClasses().that().resideInAPackage("..model..")
                .should().dependOnClassesThat().resideInAnyPackage("..application..", "..infrastructure..")
                .check(CLASSES);
    }

    @Test
    void application_talks_to_adapters_through_its_own_ports() {
        noClasses().that().resideInAPackage("..application..")
                .should().dependOnClassesThat().resideInAPackage("..infrastructure..")
                .check(CLASSES);
    }

    @Test
    void domain_code_has_no_transport_imports() {
        noClasses().that().resideInAnyPackage("..model..", "..application..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.servlet..",
                        "com.twilio..", "io.micrometer..", "tools.jackson..")
                .check(CLASSES);
    }
}
