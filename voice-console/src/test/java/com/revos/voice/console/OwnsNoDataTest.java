package com.revos.voice.console;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The console is a gateway client (ADR 0013): it reaches data only through the services' public REST APIs, never
 * through a database, a broker or a service's own classes.
 */
class OwnsNoDataTest {

    private final com.tngtech.archunit.core.domain.JavaClasses console = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("com.revos.voice.console");

    @Test
    void the_console_uses_no_database_and_no_broker() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..",
                "org.springframework.jdbc..", "org.apache.kafka..", "org.springframework.kafka..")
                .check(console);
    }

    @Test
    void the_console_uses_no_service_classes_only_their_apis() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("com.revos.voice.dialer..",
                "com.revos.voice.provisioning..", "com.revos.voice.optimizer..", "com.revos.voice.webhook..",
                "com.revos.voice.service..", "com.revos.voice.plumbing..", "com.revos.voice.events..")
                .check(console);
    }
}
