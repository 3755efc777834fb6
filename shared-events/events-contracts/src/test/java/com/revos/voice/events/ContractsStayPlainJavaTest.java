package com.revos.voice.events;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ContractsStayPlainJavaTest {

    @Test
    void the_contracts_depend_on_no_spring_no_kafka_and_no_service() {
        var contracts = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.revos.voice.events");
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "io.debezium..",
                        "org.apache.kafka..", "io.cloudevents.kafka..", "com.revos.voice.plumbing..",
                        "com.revos.voice.service..")
                .because("other teams use the contracts without our runtime, and with their own transport")
                .check(contracts);
    }
}
