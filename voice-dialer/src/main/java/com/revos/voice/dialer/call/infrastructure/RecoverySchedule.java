package com.revos.voice.dialer.call.infrastructure;

import com.revos.voice.dialer.DialerProperties;
import com.revos.voice.dialer.call.application.Recovery;
import java.time.Duration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Runs recovery and reconciliation on the dispatch settings' intervals ({@code recover-every},
 * {@code reconcile-every}; ADR 0009): the same settings {@link Recovery} plans its next looks by, read once.
 */
class RecoverySchedule implements SchedulingConfigurer {

    private final Recovery recovery;
    private final DialerProperties.Dispatch settings;

    RecoverySchedule(Recovery recovery, DialerProperties.Dispatch settings) {
        this.recovery = recovery;
        this.settings = settings;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(recovery::recover, settings.recoverEvery(), Duration.ZERO));
        registrar.addFixedDelayTask(new FixedDelayTask(recovery::reconcile, settings.reconcileEvery(),
                Duration.ZERO));
    }
}
