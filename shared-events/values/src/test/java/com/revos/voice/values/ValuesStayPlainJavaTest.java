package com.revos.voice.values;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ValuesStayPlainJavaTest {

    @Test
    void the_values_depend_on_no_framework_no_serializer_and_no_transport() {
        var values = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.revos.voice.values");
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..",
                        "com.fasterxml.jackson..", "tools.jackson..", "org.apache.kafka..", "java.sql..",
                        "com.revos.voice.events..", "com.revos.voice.service..", "com.revos.voice.plumbing..")
                .because("every service's model packages use them, and a model imports none of those")
                .check(values);
    }
}
