package com.revos.voice.optimizer.campaign.model;

import com.revos.voice.events.CallingWindow;
import com.revos.voice.events.Pacing;
import com.revos.voice.optimizer.policy.model.OptimizerPolicy;
import com.revos.voice.optimizer.policy.model.Rule;
import java.nio.ByteBuffer;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the optimizer knows of one campaign: its window of recent attempts, hourly connects, what the dialer told
 * (calling window, pacing, the tenant's limits, paused or not) and each rule's firing state. Mutable, because the
 * stream processor updates it once per event; it is stored (and so made durable) after every event.
 */
public final class CampaignState {

    static final long NEVER = Long.MIN_VALUE;
    private static final byte FORMAT = 3;
    private static final byte FORMAT_WITHOUT_ABANDONMENT = 2;
    private static final byte FORMAT_WITHOUT_TESTS = 1;
    /** The abandonment baseline of a watch that has none (a state from before it was watched): nothing is worse. */
    static final double NOT_WATCHED = 1.0;

    private final UUID campaignId;
    private @Nullable UUID tenantId;
    boolean paused;
    boolean ended;
    @Nullable CallingWindow callingWindow;
    @Nullable Pacing pacing;
    @Nullable Pacing limits;
    long streamTime = NEVER;
    private long attemptsTotal;
    final boolean[] armed = {true, true, true, true};
    final int[] episodes = new int[Rule.values().length];
    final long[] lastFired = {NEVER, NEVER, NEVER, NEVER};
    final HourlyConnects hourly;
    final SlidingWindow window;
    /** Each rule's sequential test (ADR 0012). */
    final SequentialTest.Charts[] charts = {new SequentialTest.Charts(), new SequentialTest.Charts(),
        new SequentialTest.Charts(), new SequentialTest.Charts()};
    /** The automatic action being watched, or -1 (the ordinal of its rule otherwise). */
    int guardRule = -1;
    @Nullable UUID guardDecision;
    int guardEpisode;
    @Nullable CallingWindow guardWindow;
    @Nullable Pacing guardPacing;
    double guardBaseline;
    int guardCalls;
    SequentialTest.Charts guardCharts = new SequentialTest.Charts();
    /** The abandonment rate among connected calls before the watched action, and its test since. */
    double guardAbandonBaseline = NOT_WATCHED;
    SequentialTest.Charts guardAbandonCharts = new SequentialTest.Charts();

    private CampaignState(UUID campaignId, HourlyConnects hourly, SlidingWindow window) {
        this.campaignId = campaignId;
        this.hourly = hourly;
        this.window = window;
    }

    public static CampaignState fresh(UUID campaignId) {
        return new CampaignState(campaignId, new HourlyConnects(), new SlidingWindow(64));
    }

    /**
     * Counts an attempt. One older than the window's age limit (against the newest event time seen) is too late
     * for the window but still tells which hours connect.
     */
    public void record(Attempt attempt, UUID tenant, OptimizerPolicy policy) {
        if (tenantId == null) {
            tenantId = tenant;
        }
        attemptsTotal++;
        hourly.add(attempt);
        var at = attempt.at().toEpochMilli();
        streamTime = Math.max(streamTime, at);
        if (at >= streamTime - policy.windowDuration().toMillis()) {
            window.add(attempt, policy.windowSize(), policy.windowDuration(), streamTime);
        }
    }

    public void started(UUID tenant, @Nullable CallingWindow window, @Nullable Pacing pacing,
                        @Nullable Pacing limits) {
        tenantId = tenant;
        this.callingWindow = window;
        this.pacing = pacing;
        this.limits = limits;
    }

    public void paused() {
        paused = true;
        endGuard();
    }

    void endGuard() {
        guardRule = -1;
        guardDecision = null;
        guardWindow = null;
        guardPacing = null;
        guardCalls = 0;
        guardCharts.reset();
        guardAbandonBaseline = NOT_WATCHED;
        guardAbandonCharts.reset();
    }

    public boolean guarding() {
        return guardRule >= 0;
    }

    public HourlyConnects hourly() {
        return hourly;
    }

    /**
     * After a resume the rates start afresh: people resumed the campaign because they changed something, and the
     * failures that caused the pause must not pause it again at once. A fresh minimum sample that still fails
     * pauses again without waiting for the cooldown: people already looked once.
     */
    public void resumed() {
        paused = false;
        window.clear();
        charts[Rule.STOP_LOSS.ordinal()].reset();
        armed[Rule.STOP_LOSS.ordinal()] = true;
        lastFired[Rule.STOP_LOSS.ordinal()] = NEVER;
    }

    public void retimed(@Nullable CallingWindow window) {
        this.callingWindow = window;
    }

    public void scaled(@Nullable Pacing pacing) {
        this.pacing = pacing;
    }

    public void ended() {
        ended = true;
    }

    public UUID campaignId() {
        return campaignId;
    }

    /** Unknown until the campaign's start or first outcome is seen. */
    public @Nullable UUID tenantId() {
        return tenantId;
    }

    public boolean isPaused() {
        return paused;
    }

    public Metrics metrics() {
        return window.metrics();
    }

    public long attemptsTotal() {
        return attemptsTotal;
    }

    public Instant streamTime() {
        return streamTime == NEVER ? Instant.EPOCH : Instant.ofEpochMilli(streamTime);
    }

    public int episode(Rule rule) {
        return episodes[rule.ordinal()];
    }

    /** Connect rate per contact-local hour (NaN where the hour has no attempts), for the audit snapshot. */
    public double[] hourlyConnectRates() {
        var rates = new double[24];
        for (int hour = 0; hour < 24; hour++) {
            rates[hour] = hourly.attempts(hour) == 0 ? Double.NaN : hourly.connectRate(hour);
        }
        return rates;
    }

    public List<UUID> poorCalls(int limit) {
        return window.poorCalls(limit);
    }

    public byte[] toBytes() {
        var buffer = ByteBuffer.allocate(400 + HourlyConnects.serializedSize() + window.serializedSize()
                + 5 * 64);
        buffer.put(FORMAT);
        putUuid(buffer, campaignId);
        buffer.put((byte) (tenantId == null ? 0 : 1));
        if (tenantId != null) {
            putUuid(buffer, tenantId);
        }
        buffer.put((byte) ((paused ? 1 : 0) | (ended ? 2 : 0)));
        buffer.put((byte) (callingWindow == null ? 0 : 1));
        if (callingWindow != null) {
            buffer.putInt(callingWindow.startHour()).putInt(callingWindow.endHour()).putInt(daysMask(callingWindow));
        }
        putPacing(buffer, pacing);
        putPacing(buffer, limits);
        buffer.putLong(streamTime).putLong(attemptsTotal);
        for (int i = 0; i < armed.length; i++) {
            buffer.put((byte) (armed[i] ? 1 : 0)).putInt(episodes[i]).putLong(lastFired[i]);
        }
        hourly.writeTo(buffer);
        window.writeTo(buffer);
        for (var chart : charts) {
            chart.writeTo(buffer);
        }
        buffer.putInt(guardRule);
        if (guardRule >= 0) {
            putUuid(buffer, Objects.requireNonNull(guardDecision, "a watched action names its decision"));
            buffer.putInt(guardEpisode);
            buffer.put((byte) (guardWindow == null ? 0 : 1));
            if (guardWindow != null) {
                buffer.putInt(guardWindow.startHour()).putInt(guardWindow.endHour()).putInt(daysMask(guardWindow));
            }
            putPacing(buffer, guardPacing);
            buffer.putDouble(guardBaseline).putInt(guardCalls);
            guardCharts.writeTo(buffer);
            buffer.putDouble(guardAbandonBaseline);
            guardAbandonCharts.writeTo(buffer);
        }
        var bytes = new byte[buffer.position()];
        buffer.flip().get(bytes);
        return bytes;
    }

    public static CampaignState fromBytes(byte[] bytes) {
        var in = ByteBuffer.wrap(bytes);
        var format = in.get();
        if (format != FORMAT && format != FORMAT_WITHOUT_ABANDONMENT && format != FORMAT_WITHOUT_TESTS) {
            throw new IllegalArgumentException("Unknown campaign state format");
        }
        var campaignId = getUuid(in);
        var tenantId = in.get() == 1 ? getUuid(in) : null;
        var flags = in.get();
        CallingWindow callingWindow = null;
        if (in.get() == 1) {
            callingWindow = new CallingWindow(in.getInt(), in.getInt(), days(in.getInt()));
        }
        var pacing = getPacing(in);
        var limits = getPacing(in);
        var streamTime = in.getLong();
        var attemptsTotal = in.getLong();
        var armed = new boolean[4];
        var episodes = new int[4];
        var lastFired = new long[4];
        for (int i = 0; i < 4; i++) {
            armed[i] = in.get() == 1;
            episodes[i] = in.getInt();
            lastFired[i] = in.getLong();
        }
        var state = new CampaignState(campaignId, HourlyConnects.readFrom(in), SlidingWindow.readFrom(in));
        state.tenantId = tenantId;
        state.paused = (flags & 1) != 0;
        state.ended = (flags & 2) != 0;
        state.callingWindow = callingWindow;
        state.pacing = pacing;
        state.limits = limits;
        state.streamTime = streamTime;
        state.attemptsTotal = attemptsTotal;
        System.arraycopy(armed, 0, state.armed, 0, 4);
        System.arraycopy(episodes, 0, state.episodes, 0, 4);
        System.arraycopy(lastFired, 0, state.lastFired, 0, 4);
        if (format == FORMAT_WITHOUT_TESTS) {
            // a state from before the sequential tests: they start afresh
            return state;
        }
        for (int i = 0; i < 4; i++) {
            state.charts[i] = SequentialTest.Charts.readFrom(in);
        }
        state.guardRule = in.getInt();
        if (state.guardRule >= 0) {
            state.guardDecision = getUuid(in);
            state.guardEpisode = in.getInt();
            if (in.get() == 1) {
                state.guardWindow = new CallingWindow(in.getInt(), in.getInt(), days(in.getInt()));
            }
            state.guardPacing = getPacing(in);
            state.guardBaseline = in.getDouble();
            state.guardCalls = in.getInt();
            state.guardCharts = SequentialTest.Charts.readFrom(in);
            if (format == FORMAT) {
                state.guardAbandonBaseline = in.getDouble();
                state.guardAbandonCharts = SequentialTest.Charts.readFrom(in);
            }
        }
        return state;
    }

    private static void putUuid(ByteBuffer out, UUID id) {
        out.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
    }

    private static UUID getUuid(ByteBuffer in) {
        return new UUID(in.getLong(), in.getLong());
    }

    private static void putPacing(ByteBuffer out, @Nullable Pacing pacing) {
        out.put((byte) (pacing == null ? 0 : 1));
        if (pacing != null) {
            out.putDouble(pacing.callsPerSecond()).putInt(pacing.maxConcurrent());
        }
    }

    private static @Nullable Pacing getPacing(ByteBuffer in) {
        return in.get() == 1 ? new Pacing(in.getDouble(), in.getInt()) : null;
    }

    private static int daysMask(CallingWindow window) {
        var mask = 0;
        for (var day : window.days()) {
            mask |= 1 << day.ordinal();
        }
        return mask;
    }

    private static EnumSet<DayOfWeek> days(int mask) {
        var days = EnumSet.noneOf(DayOfWeek.class);
        for (var day : DayOfWeek.values()) {
            if ((mask & (1 << day.ordinal())) != 0) {
                days.add(day);
            }
        }
        return days;
    }
}
