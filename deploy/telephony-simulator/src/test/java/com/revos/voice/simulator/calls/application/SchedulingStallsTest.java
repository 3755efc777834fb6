package com.revos.voice.simulator.calls.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;

class SchedulingStallsTest {

    @Test
    void a_wake_up_later_than_the_threshold_is_kept_for_each_kind_of_thread() {
        // each witness thread oversleeps by 80 ms once, then sleeps as asked
        Set<Thread> overslept = ConcurrentHashMap.newKeySet();
        try (var stalls = new SchedulingStalls(InstantSource.system(), Duration.ofMillis(5), Duration.ofMillis(40),
                nanos -> LockSupport.parkNanos(overslept.add(Thread.currentThread()) ? nanos + 80_000_000L : nanos))) {
            await().atMost(Duration.ofSeconds(5)).until(() -> stalls.stalls().size() >= 2);

            assertThat(stalls.stalls()).extracting(SchedulingStalls.Stall::thread)
                    .contains("platform", "virtual");
            assertThat(stalls.stalls()).allSatisfy(stall -> assertThat(stall.lateMs()).isBetween(40L, 2_000L));

            stalls.reset();
            assertThat(stalls.stalls()).as("forgotten on reset").isEmpty();
        }
    }
}
