package com.revos.voice.optimizer.campaign.model;

import java.nio.ByteBuffer;

/**
 * Attempts and connects per contact-local hour of day: a campaign's whole history (not only the window), since
 * retiming needs every hour's evidence and the window would mostly hold the hours the campaign dials now; and the
 * same counts over a tenant's campaigns, the prior a thin campaign leans on.
 */
public final class HourlyConnects {

    private final int[] attempts = new int[24];
    private final int[] connects = new int[24];

    public void add(Attempt attempt) {
        add(attempt.localHour(), attempt.connected());
    }

    public void add(int hour, boolean connected) {
        if (hour < 0 || hour > 23) {
            return;
        }
        attempts[hour]++;
        if (connected) {
            connects[hour]++;
        }
    }

    /** Adds {@code n} attempts of which {@code c} connected (synthetic histories in tests and the harness). */
    public void add(int hour, int n, int c) {
        attempts[hour] += n;
        connects[hour] += c;
    }

    public int attempts(int hour) {
        return attempts[hour];
    }

    public int connects(int hour) {
        return connects[hour];
    }

    public int totalAttempts() {
        var total = 0;
        for (var n : attempts) {
            total += n;
        }
        return total;
    }

    public int totalConnects() {
        var total = 0;
        for (var c : connects) {
            total += c;
        }
        return total;
    }

    double connectRate(int hour) {
        return attempts[hour] == 0 ? 0.0 : (double) connects[hour] / attempts[hour];
    }

    /** Adds another history's counts to these. */
    public void addAll(HourlyConnects other) {
        for (int hour = 0; hour < 24; hour++) {
            attempts[hour] += other.attempts[hour];
            connects[hour] += other.connects[hour];
        }
    }

    /** These counts without {@code part}'s (the tenant's history without the campaign's own calls), never negative. */
    public HourlyConnects without(HourlyConnects part) {
        var rest = new HourlyConnects();
        for (int hour = 0; hour < 24; hour++) {
            rest.attempts[hour] = Math.max(0, attempts[hour] - part.attempts[hour]);
            rest.connects[hour] = Math.min(rest.attempts[hour], Math.max(0, connects[hour] - part.connects[hour]));
        }
        return rest;
    }

    public static int serializedSize() {
        return 24 * 8;
    }

    public void writeTo(ByteBuffer out) {
        for (int hour = 0; hour < 24; hour++) {
            out.putInt(attempts[hour]).putInt(connects[hour]);
        }
    }

    public static HourlyConnects readFrom(ByteBuffer in) {
        var hourly = new HourlyConnects();
        for (int hour = 0; hour < 24; hour++) {
            hourly.attempts[hour] = in.getInt();
            hourly.connects[hour] = in.getInt();
        }
        return hourly;
    }
}
