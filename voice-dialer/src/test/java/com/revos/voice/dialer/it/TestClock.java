package com.revos.voice.dialer.it;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The dialer's clock in its tests: real time moved back by whole hours so that it is midday in New York (the zone
 * of the tests' numbers) whenever the suite runs. The legal ceiling stays as it is: the tests dial at a legal hour
 * instead of widening the hours. Moving back keeps every timestamp in the past of the real clock the provider stub
 * and Kafka use. A test may move the clock and must put it back ({@link #reset()}).
 */
final class TestClock extends Clock {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final TestClock INSTANCE = new TestClock();

    private volatile Duration offset = middayIn(NEW_YORK);

    private TestClock() {
    }

    /** The whole hours to move back from now to make it 12:xx in {@code zone} (0 to 23). */
    static Duration middayIn(ZoneId zone) {
        var hour = Instant.now().atZone(zone).getHour();
        return Duration.ofHours(-Math.floorMod(hour - 12, 24));
    }

    /** Moves the clock back (at most a day) so that it is {@code time} in {@code zone} now. */
    void setLocalTime(ZoneId zone, java.time.LocalTime time) {
        var now = Instant.now().atZone(zone).toLocalTime();
        var back = Math.floorMod(Duration.between(time, now).toSeconds(), 86_400L);
        offset = Duration.ofSeconds(-back);
    }

    /** Real time, for a test whose dialer runs in a process of its own (on the real clock). */
    void useRealTime() {
        offset = Duration.ZERO;
    }

    /** Moves the clock on by {@code by}: time that passed for the dialer, as for a process that stalled. */
    void advance(Duration by) {
        offset = offset.plus(by);
    }

    void reset() {
        offset = middayIn(NEW_YORK);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }
}
