package com.revos.voice.testsupport.layering;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.revos.voice.testsupport.LayeringRules;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** The aggregate rules can fail: a tangled fixture service breaks each of them. */
class LayeringRulesTest {

    private static final String TANGLED = "com.revos.voice.testsupport.layering.tangled";
    private static final com.tngtech.archunit.core.domain.JavaClasses CLASSES =
            new ClassFileImporter().importPackages(TANGLED);

    @Test
    void a_model_that_parses_json_breaks_the_rule() {
        assertThatThrownBy(() -> LayeringRules.aggregateRules(TANGLED).get(0).check(CLASSES))
                .isInstanceOf(AssertionError.class).hasMessageContaining("com.fasterxml.jackson");
    }

    @Test
    void two_aggregates_that_depend_on_each_other_break_the_rule() {
        assertThatThrownBy(() -> LayeringRules.aggregateRules(TANGLED).get(1).check(CLASSES))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Cycle");
    }

    @Test
    void an_adapter_that_reaches_into_another_aggregates_adapters_breaks_the_rule() {
        assertThatThrownBy(() -> LayeringRules.aggregateRules(TANGLED).get(2).check(CLASSES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("tangled.call.infrastructure.Calls")
                .hasMessageContaining("tangled.campaign.infrastructure.Campaigns");
    }

    @Test
    void a_public_adapter_nothing_outside_its_package_uses_breaks_the_rule() {
        assertThatThrownBy(() -> LayeringRules.publicInfrastructureIsUsedOutsideItsPackage(
                com.tngtech.archunit.base.DescribedPredicate.alwaysTrue()).check(CLASSES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("tangled.call.infrastructure.Lonely is public but nothing outside");
    }
}
