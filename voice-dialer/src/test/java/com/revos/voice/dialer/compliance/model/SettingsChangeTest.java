package com.revos.voice.dialer.compliance.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SettingsChangeTest {

    private static final DialFacts.TenantRules OPERATOR = new DialFacts.TenantRules(10, true);
    private static final DialFacts.TenantRules LENIENT_OPERATOR = new DialFacts.TenantRules(10, false);

    @Test
    void a_tenant_may_tighten_the_operators_settings() {
        var tighter = new SettingsChange(3, true);

        assertThat(tighter.violations(OPERATOR)).isEmpty();
        assertThat(tighter.applyTo(OPERATOR)).isEqualTo(new DialFacts.TenantRules(3, true));
        assertThat(tighter.applyTo(LENIENT_OPERATOR)).isEqualTo(new DialFacts.TenantRules(3, true));
    }

    @Test
    void a_setting_left_unset_takes_the_operators() {
        assertThat(SettingsChange.NONE.violations(OPERATOR)).isEmpty();
        assertThat(SettingsChange.NONE.applyTo(OPERATOR)).isEqualTo(OPERATOR);
        assertThat(new SettingsChange(null, false).applyTo(LENIENT_OPERATOR)).isEqualTo(LENIENT_OPERATOR);
    }

    @Test
    void a_looser_setting_is_refused_naming_its_field() {
        var looser = new SettingsChange(11, false);

        assertThat(looser.violations(OPERATOR)).extracting(SettingsChange.Violation::field)
                .containsExactly("calls_per24h", "written_consent_for_marketing");
        assertThat(new SettingsChange(0, null).violations(OPERATOR)).singleElement()
                .satisfies(v -> assertThat(v.reason()).contains("between 1 and 10"));
        assertThat(new SettingsChange(null, false).violations(LENIENT_OPERATOR)).isEmpty();
    }

    @Test
    void settings_kept_from_before_the_operator_tightened_its_own_never_loosen_the_dial() {
        var keptAt8 = new SettingsChange(8, false);
        var operatorNow = new DialFacts.TenantRules(5, true);

        assertThat(keptAt8.applyTo(operatorNow)).isEqualTo(new DialFacts.TenantRules(5, true));
    }
}
