package com.revos.voice.dialer.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * A dialer whose own limits (tenants, numbers, the provider account) lie out of reach, with quiet logs: a benchmark
 * measures the one limit it sets itself. A class may add properties of its own with another
 * {@code @TestPropertySource}; Spring merges the two.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@TestPropertySource(properties = {
    "spring.config.name=voice-dialer",
    "revos.dialer.tenant-limits.calls-per-second=1000",
    "revos.dialer.tenant-limits.max-concurrent=100000",
    "revos.dialer.number-max-concurrent=100000",
    "revos.dialer.dispatch.reconcile-every=1h",
    "revos.dialer.provider-account.calls-per-second=1000",
    "revos.dialer.provider-account.max-concurrent=1000000",
    "logging.level.root=WARN"})
@interface UnboundedDialerLimits {
}
