package com.revos.voice.dialer.compliance.infrastructure;

import com.revos.voice.dialer.DialerProperties;
import com.revos.voice.dialer.compliance.application.AbandonmentLog;
import com.revos.voice.dialer.compliance.application.ComplianceSettings;
import com.revos.voice.dialer.compliance.application.DialCompliance;
import com.revos.voice.dialer.compliance.application.EvidenceLog;
import com.revos.voice.dialer.compliance.application.OptOutList;
import com.revos.voice.dialer.compliance.application.OutcomeCompliance;
import com.revos.voice.dialer.compliance.application.TenantSettings;
import com.revos.voice.dialer.compliance.model.DialRules;
import com.revos.voice.dialer.compliance.model.Locator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration(proxyBeanMethods = false)
class ComplianceConfiguration {

    @Bean
    DialRules dialRules(ComplianceProperties compliance, DialerProperties dialer) {
        return new DialRules(compliance.policy(), new Locator(dialer.defaultTimeZone()));
    }

    @Bean
    EvidenceLog evidenceLog(JdbcTemplate jdbc) {
        return new JdbcEvidenceLog(jdbc);
    }

    @Bean
    AbandonmentLog abandonmentLog(JdbcTemplate jdbc) {
        return new JdbcAbandonmentLog(jdbc);
    }

    @Bean
    OutcomeCompliance outcomeCompliance(OptOutList optOuts, AbandonmentLog abandonment) {
        return new OutcomeCompliance(optOuts, abandonment);
    }

    /** The tenants' own settings, within and else from the operator's configuration. */
    @Bean
    ComplianceSettings tenantComplianceSettings(ComplianceProperties properties, JdbcTemplate jdbc) {
        return new ComplianceSettings(new ConfiguredTenantSettings(properties), new JdbcSettingsStore(jdbc));
    }

    @Bean
    DialCompliance dialCompliance(DialRules rules, JdbcTemplate jdbc, EvidenceLog evidence, TenantSettings tenants) {
        return new DialCompliance(rules, new JdbcDialRecords(jdbc), evidence, tenants);
    }
}
