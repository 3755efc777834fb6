package com.revos.voice.optimizer.policy.infrastructure;

import com.revos.voice.optimizer.policy.application.PolicyService;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the policy aggregate. */
@Configuration(proxyBeanMethods = false)
class PolicyConfiguration {

    @Bean
    JdbcPolicyRepository policyRepository(JdbcTemplate jdbc, TransactionTemplate transactions) {
        return new JdbcPolicyRepository(jdbc, transactions);
    }

    @Bean
    CachedPolicies policySource(JdbcPolicyRepository repository,
                                @Value("${revos.optimizer.policy-cache-ttl:10s}") Duration ttl) {
        // the cache reads through a service that does not notify; the API's service below invalidates it
        return new CachedPolicies(new PolicyService(repository, tenant -> { }), ttl);
    }

    @Bean
    PolicyService policyService(JdbcPolicyRepository repository, CachedPolicies cache) {
        return new PolicyService(repository, cache::invalidate);
    }
}
